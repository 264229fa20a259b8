#include "aekit/tensor/quantization_kernels.hpp"

#include <cmath>

#include "aekit/error.hpp"

namespace aekit {

void quantize(ConstMatrixRef y, double delta, MatrixRef q) {
  AEKIT_ASSERT(delta > 0 && q.rows() == y.rows() && q.cols() == y.cols());
  for (Index n = 0; n < y.rows(); ++n)
    for (Index k = 0; k < y.cols(); ++k) q(n, k) = Scalar(delta * std::round(double(y(n, k)) / delta));
}

void quantization_symbols(ConstMatrixRef y, double delta, std::span<std::int32_t> symbols) {
  AEKIT_ASSERT(delta > 0 && Index(symbols.size()) == y.size());
  std::size_t at = 0;
  for (Index n = 0; n < y.rows(); ++n)
    for (Index k = 0; k < y.cols(); ++k) symbols[at++] = std::int32_t(std::lround(double(y(n, k)) / delta));
}

void dequantize(std::span<const std::int32_t> symbols, double delta, MatrixRef y) {
  AEKIT_ASSERT(delta > 0 && Index(symbols.size()) == y.size());
  std::size_t at = 0;
  for (Index n = 0; n < y.rows(); ++n)
    for (Index k = 0; k < y.cols(); ++k) y(n, k) = Scalar(delta * symbols[at++]);
}

void add_uniform_noise(Rng& rng, double delta, MatrixRef y) {
  AEKIT_ASSERT(delta > 0);
  for (Index n = 0; n < y.rows(); ++n)
    for (Index k = 0; k < y.cols(); ++k) y(n, k) += Scalar(delta * (rng.uniform() - 0.5));
}

}  // namespace aekit
