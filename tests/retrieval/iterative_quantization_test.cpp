// Iterative quantization (retrieval/iterative_quantization.hpp) on anisotropic Gaussian data:
// the loss never rises over the iterations, the rotation stays orthogonal, it ends below PCA +
// sign's loss (R = I) and the reported loss is the loss of the rotation before each step; the
// codes are the signs of V R; bad inputs refused.
#include "aekit/retrieval/iterative_quantization.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"

namespace aekit::retrieval {
namespace {

// [N, B] zero-mean Gaussian columns with standard deviations 4, 2, 1, 0.5, ...: PCA's output
// shape, where variance is far from balanced over the bits.
FloatMatrix anisotropic_rows(Index n, Index bits, std::uint64_t seed) {
  Rng rng(seed);
  FloatMatrix v(n, bits);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < bits; ++j) v(i, j) = float(rng.normal() * 4.0 / double(Index{1} << j));
  return v;
}

TEST(IterativeQuantization, LowersTheQuantizationLossBelowPcaSign) {
  const FloatMatrix v = anisotropic_rows(2000, 8, 3);
  const IterativeQuantization fit = fit_iterative_quantization(v, 50, 4);
  ASSERT_EQ(fit.loss.size(), 50u);
  for (std::size_t t = 1; t < fit.loss.size(); ++t) EXPECT_LE(fit.loss[t], fit.loss[t - 1] * (1 + 1e-12)) << t;
  const Eigen::MatrixXd gram = fit.rotation.transpose() * fit.rotation;
  EXPECT_TRUE(gram.isIdentity(1e-9));
  const double itq = quantization_loss(v, fit.rotation);
  const double pca_sign = quantization_loss(v, Eigen::MatrixXd::Identity(8, 8));
  EXPECT_LT(itq, pca_sign);
  EXPECT_LE(itq, fit.loss.back() * (1 + 1e-12)) << "the last R-step cannot raise the loss";
  std::printf("quantization loss: ITQ %.1f, PCA + sign %.1f\n", itq, pca_sign);
}

TEST(IterativeQuantization, CodesAreTheSignsOfTheRotatedData) {
  const FloatMatrix v = anisotropic_rows(50, 5, 7);
  const IterativeQuantization fit = fit_iterative_quantization(v, 3, 8);
  const BinaryCodes codes = fit.codes(v);
  const Eigen::MatrixXd rotated = v.cast<double>() * fit.rotation;
  for (Index i = 0; i < v.rows(); ++i)
    for (int j = 0; j < 5; ++j) ASSERT_EQ(codes.bit(i, j), rotated(i, j) > 0) << i << ", " << j;
}

TEST(IterativeQuantization, RefusesNoDataAndNoIterations) {
  test::expect_error<UsageError>([] { fit_iterative_quantization(FloatMatrix(0, 4), 5, 1); }, {"found 0 rows of 4"});
  test::expect_error<UsageError>([] { fit_iterative_quantization(FloatMatrix::Ones(3, 2), 0, 1); }, {"0 iterations"});
}

}  // namespace
}  // namespace aekit::retrieval
