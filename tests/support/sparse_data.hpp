#pragma once
// Test data for sparse coding: dictionaries with unit-norm atoms (rows) and data built from
// them with sparse codes.
#include <cmath>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::test {

// D[atoms, features] with N(0, 1) entries, each row scaled to norm 1.
inline Matrix unit_atoms(Index atoms, Index features, Rng& rng) {
  Matrix d(atoms, features);
  for (Index i = 0; i < d.size(); ++i) d.data()[i] = Scalar(rng.normal());
  for (Index k = 0; k < atoms; ++k) d.row(k).normalize();
  return d;
}

// rows x = h D + noise, where h has `active` nonzero entries N(0, 1) + sign (so |h_j| >= 1) at
// random atoms (repeats allowed) and the noise is N(0, noise^2).
inline Matrix sparse_data(const Matrix& dictionary, Index rows, int active, double noise,
                          Rng& rng) {
  Matrix codes = Matrix::Zero(rows, dictionary.rows());
  for (Index i = 0; i < rows; ++i)
    for (int a = 0; a < active; ++a) {
      const double value = rng.normal();
      codes(i, Index(rng.below(std::uint64_t(dictionary.rows())))) =
          Scalar(value + std::copysign(1.0, value));
    }
  Matrix x = codes * dictionary;
  for (Index i = 0; i < x.size(); ++i) x.data()[i] += Scalar(noise * rng.normal());
  return x;
}

}  // namespace aekit::test
