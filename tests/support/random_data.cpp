#include "support/random_data.hpp"

#include <cmath>

#include "aekit/tensor/rng.hpp"

namespace aekit::test {

FloatMatrix uniform_data(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  FloatMatrix x(rows, cols);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = float(rng.uniform());
  return x;
}

FloatMatrix counting_data(Index rows, Index cols) {
  FloatMatrix x(rows, cols);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(i % 256);
  return x;
}

FloatMatrix manifold_data(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  Rng basis_rng(7);  // the same manifold for every call
  FloatMatrix a(cols, 4);
  for (Index i = 0; i < a.size(); ++i) a.data()[i] = float(basis_rng.normal());
  FloatMatrix x(rows, cols);
  for (Index r = 0; r < rows; ++r) {
    Eigen::Vector4f z;
    for (int k = 0; k < 4; ++k) z[k] = float(rng.normal());
    const Eigen::VectorXf v = a * z;
    for (Index c = 0; c < cols; ++c) x(r, c) = 1.0f / (1.0f + std::exp(-v[c]));
  }
  return x;
}

}  // namespace aekit::test
