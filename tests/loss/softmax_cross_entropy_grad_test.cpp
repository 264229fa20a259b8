// Finite-difference check and values of the softmax cross-entropy (double precision build).
#include "aekit/loss/softmax_cross_entropy.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "support/gradient_check.hpp"
#include "support/random_matrix.hpp"

namespace aekit::loss {
namespace {

using test::random_matrix;

TEST(LossGradients, SoftmaxCrossEntropyIncludingLargeLogits) {
  Rng rng(3);
  Matrix z = random_matrix(4, 5, -4, 4, rng);
  const std::vector<int> labels = {0, 3, 4, 1};
  z(0, 2) = 800;  // e^800 overflows: only log-sum-exp stays finite
  z(1, 3) = 600;  // a confident right answer
  z(2, 0) = -700;
  Matrix dz(4, 5);
  softmax_cross_entropy_gradient(z, labels, dz);
  // The loss is ~350 here, so central differences carry ~1e-8 of round-off.
  const test::Tolerance tolerance{.atol = 1e-7};
  const auto check = test::check_gradient(
      "softmax_cross_entropy", {z.data(), std::size_t(z.size())},
      [&] { return softmax_cross_entropy(z, labels); }, {dz.data(), std::size_t(dz.size())},
      tolerance);
  EXPECT_TRUE(check.ok) << check.report;
  // Each row of softmax - onehot sums to 0.
  EXPECT_NEAR(dz.rowwise().sum().cwiseAbs().maxCoeff(), 0, 1e-15);
}

TEST(LossValues, SoftmaxCrossEntropyMatchesAHandComputedCase) {
  Matrix z(2, 3);
  z << 1, 2, 3,
       1000, 0, -1000;
  const std::vector<int> labels = {2, 1};
  // Row 0: log(e + e^2 + e^3) - 3.  Row 1: a confident wrong answer costs its margin, 1000.
  const double first = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0)) - 3;
  EXPECT_NEAR(softmax_cross_entropy(z, labels), (first + 1000) / 2, 1e-9);

  Matrix dz(2, 3);
  softmax_cross_entropy_gradient(z, labels, dz);
  const double total = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
  EXPECT_NEAR(dz(0, 0), std::exp(1.0) / total / 2, 1e-12);
  EXPECT_NEAR(dz(0, 2), (std::exp(3.0) / total - 1) / 2, 1e-12);
  EXPECT_NEAR(dz(1, 0), 0.5, 1e-12);   // softmax puts all mass on class 0
  EXPECT_NEAR(dz(1, 1), -0.5, 1e-12);  // the label's share is 0
}

}  // namespace
}  // namespace aekit::loss
