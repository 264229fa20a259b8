// The factorized logistic prior's bins: they partition the line (probabilities over all integers
// sum to 1), a far tail keeps its digits, and the rate is -log2 of the bins' product.
#include "aekit/tensor/logistic_rate_kernels.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace aekit {
namespace {

TEST(LogisticRate, BinsOverTheIntegersSumToOne) {
  for (const double delta : {0.25, 1.0, 4.0}) {
    double total = 0;
    for (int k = -4000; k <= 4000; ++k) total += logistic_bin_probability(k * delta, delta, 0.7, std::log(3.0));
    EXPECT_NEAR(total, 1, 1e-9) << "delta " << delta;
  }
}

TEST(LogisticRate, FarTailsKeepTheirDigitsOnBothSides) {
  // p = F(b') - F(a') with F the logistic CDF; 40 scales out F's two terms differ in the 18th digit.
  const double mu = 0.5, scale = 1, delta = 1;
  for (const double y : {40.0, -40.0}) {
    const double a = (y + delta / 2 - mu) / scale, b = (y - delta / 2 - mu) / scale;
    const double expected = y > 0 ? std::exp(-b) / (1 + std::exp(-b)) - std::exp(-a) / (1 + std::exp(-a))
                                   : 1 / (1 + std::exp(-a)) - 1 / (1 + std::exp(-b));
    EXPECT_NEAR(logistic_bin_probability(y, delta, mu, std::log(scale)) / expected, 1, 1e-9) << y;
  }
}

TEST(LogisticRate, BitsAreMinusLog2OfEachRowsBins) {
  Matrix y(2, 6);  // 2 channels x 3 positions
  y << 0, 1, -2, 3, 0.5, 7, -1, 0, 2, 1, 1, -3;
  const std::vector<Scalar> mu{0.25f, -0.5f}, log_scale{0.f, std::log(2.f)};
  Matrix bits(2, 1);
  const double total = logistic_rate_forward(y, mu, log_scale, 1.0, bits);
  for (Index n = 0; n < 2; ++n) {
    double expected = 0;
    for (Index k = 0; k < 6; ++k) expected -= std::log2(logistic_bin_probability(y(n, k), 1.0, mu[k / 3], log_scale[k / 3]));
    EXPECT_NEAR(bits(n, 0), expected, 1e-4 * expected);
  }
  EXPECT_NEAR(total, bits.sum(), 1e-3);
}

TEST(LogisticRate, ImpossibleValuesCostTheFloorNotInfinity) {
  Matrix y(1, 1);
  y << 1e6;
  const std::vector<Scalar> mu{0}, log_scale{0};
  Matrix bits(1, 1);
  logistic_rate_forward(y, mu, log_scale, 1.0, bits);
  EXPECT_NEAR(bits(0, 0), -std::log2(kMinBinProbability), 1e-3);
  Matrix dy = Matrix::Zero(1, 1), dbits = Matrix::Ones(1, 1);
  std::vector<Scalar> dmu{0}, dlog_scale{0};
  logistic_rate_backward(y, mu, log_scale, 1.0, dbits, dy, dmu, dlog_scale);
  EXPECT_TRUE(std::isfinite(dy(0, 0)) && std::isfinite(dmu[0]) && std::isfinite(dlog_scale[0]));
}

}  // namespace
}  // namespace aekit
