#pragma once
// A matrix of U(low, high) entries drawn from `rng` (either precision build).
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::test {

inline Matrix random_matrix(Index rows, Index cols, double low, double high, Rng& rng) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = Scalar(rng.uniform(low, high));
  return m;
}

}  // namespace aekit::test
