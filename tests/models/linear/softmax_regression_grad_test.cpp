// Finite-difference check and values of the softmax regression objective (double precision).
#include "aekit/models/linear/softmax_regression.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "support/gradient_check.hpp"
#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

constexpr Index kRows = 9, kFeatures = 5, kClasses = 3;
const std::vector<int> kLabels = {0, 2, 1, 1, 0, 2, 2, 0, 1};

Eigen::VectorXd random_theta(Rng& rng) {
  Eigen::VectorXd theta(kClasses * (kFeatures + 1));
  for (auto& v : theta) v = rng.uniform(-1, 1);
  return theta;
}

TEST(SoftmaxRegressionGradients, WeightsAndBiasWithPenalty) {
  Rng rng(11);
  const Matrix x = test::random_matrix(kRows, kFeatures, -2, 2, rng);
  SoftmaxRegressionObjective objective(x, kLabels, kClasses, 0.7);
  Eigen::VectorXd theta = random_theta(rng), gradient(objective.parameter_count());
  Eigen::VectorXd scratch = gradient;
  objective(theta, gradient);
  const auto check = test::check_gradient("theta", {theta.data(), std::size_t(theta.size())},
                                          [&] { return objective(theta, scratch); },
                                          {gradient.data(), std::size_t(gradient.size())});
  EXPECT_TRUE(check.ok) << check.report;
}

TEST(SoftmaxRegressionValues, CrossEntropyPlusPenaltyOnTheWeightsOnly) {
  Rng rng(12);
  const Matrix x = test::random_matrix(kRows, kFeatures, -2, 2, rng);
  const double penalty = 3;
  SoftmaxRegressionObjective objective(x, kLabels, kClasses, penalty);
  Eigen::VectorXd gradient(objective.parameter_count());

  // All scores 0: every class has probability 1/C.
  EXPECT_NEAR(objective(Eigen::VectorXd::Zero(gradient.size()), gradient), std::log(3.0), 1e-12);

  const Eigen::VectorXd theta = random_theta(rng);
  const Matrix w = softmax_weights(theta, kClasses, kFeatures), b = softmax_bias(theta, kClasses);
  EXPECT_EQ(w(1, 2), theta[1 * kFeatures + 2]);  // row by row
  EXPECT_EQ(b(0, 2), theta[kClasses * kFeatures + 2]);
  double cross_entropy = 0;
  for (Index n = 0; n < kRows; ++n) {
    const Eigen::RowVectorXd z = x.row(n) * w.transpose() + b;
    cross_entropy += std::log(z.array().exp().sum()) - z[kLabels[n]];
  }
  const double expected = cross_entropy / kRows + penalty / (2 * kRows) * w.squaredNorm();
  EXPECT_NEAR(objective(theta, gradient), expected, 1e-12);
}

}  // namespace
}  // namespace aekit::models
