// Quantization of latents: the rounded values and the symbols agree exactly (what the decoder
// gets from a file is what the model's reconstruction used), and the training noise is uniform
// on (-delta/2, delta/2) and replays from the same stream.
#include "aekit/tensor/quantization_kernels.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace aekit {
namespace {

TEST(Quantization, SymbolsDequantizeToExactlyTheQuantizedValues) {
  Rng rng(3);
  Matrix y(7, 13);
  for (Index i = 0; i < y.size(); ++i) y.data()[i] = Scalar(rng.uniform(-20, 20));
  for (const double delta : {0.2973017787506803, 1.0, 3.363585661014858}) {
    Matrix q(7, 13), back(7, 13);
    quantize(y, delta, q);
    std::vector<std::int32_t> symbols(std::size_t(y.size()));
    quantization_symbols(y, delta, symbols);
    dequantize(symbols, delta, back);
    EXPECT_EQ(q, back) << delta;
    EXPECT_LE((q - y).cwiseAbs().maxCoeff(), delta / 2 * (1 + 1e-6)) << delta;
  }
  Matrix half(1, 2), rounded(1, 2);
  half << 0.5f, -1.5f;
  quantize(half, 1, rounded);
  EXPECT_EQ(rounded(0, 0), 1);  // halves away from zero
  EXPECT_EQ(rounded(0, 1), -2);
}

TEST(Quantization, NoiseIsUniformWithinHalfAStepAndReplays) {
  Matrix a = Matrix::Zero(50, 40), b = Matrix::Zero(50, 40);
  Rng first(9), second(9);
  add_uniform_noise(first, 2, a);
  add_uniform_noise(second, 2, b);
  EXPECT_EQ(a, b);
  EXPECT_LE(a.cwiseAbs().maxCoeff(), 1);
  EXPECT_NEAR(a.mean(), 0, 0.05);
  EXPECT_NEAR(a.squaredNorm() / double(a.size()), 4.0 / 12, 0.03);  // var of U(-1, 1)
}

}  // namespace
}  // namespace aekit
