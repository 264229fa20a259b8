// L-BFGS on functions with known minimizers.
#include "aekit/optim/lbfgs.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace aekit::optim {
namespace {

// Rosenbrock's banana: f = (1 - a)^2 + 100 (b - a^2)^2, minimum 0 at (1, 1).
double rosenbrock(const Eigen::VectorXd& x, Eigen::VectorXd& g) {
  const double a = x[0], b = x[1];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
}

TEST(Lbfgs, FindsTheMinimumOfRosenbrock) {
  Eigen::VectorXd x(2);
  x << -1.2, 1;
  const auto result = minimize_lbfgs(
      rosenbrock, x, {.max_iterations = 200, .gradient_tolerance = 1e-8, .relative_decrease = 0});
  EXPECT_EQ(result.stop, LbfgsStop::gradient) << lbfgs_stop_name(result.stop);
  EXPECT_NEAR(x[0], 1, 1e-7);
  EXPECT_NEAR(x[1], 1, 1e-7);
  EXPECT_LT(result.value, 1e-14);
  EXPECT_LE(result.gradient_max, 1e-8);
  EXPECT_LT(result.iterations, 60);
  EXPECT_GE(result.evaluations, result.iterations);
}

TEST(Lbfgs, SolvesAnIllConditionedQuadratic) {
  // f = 1/2 (x - m)' A (x - m) with A = diag(1 .. 1000): the minimizer is m.
  const int n = 50;
  const Eigen::VectorXd a = Eigen::VectorXd::LinSpaced(n, 1, 1000);
  const Eigen::VectorXd m = Eigen::VectorXd::LinSpaced(n, -3, 3);
  const Objective f = [&](const Eigen::VectorXd& x, Eigen::VectorXd& g) {
    g = a.cwiseProduct(x - m);
    return 0.5 * (x - m).dot(g);
  };
  Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
  const auto result = minimize_lbfgs(f, x, {.max_iterations = 500, .gradient_tolerance = 1e-10,
                                             .relative_decrease = 0});
  EXPECT_EQ(result.stop, LbfgsStop::gradient) << lbfgs_stop_name(result.stop);
  EXPECT_LT((x - m).lpNorm<Eigen::Infinity>(), 1e-10);
}

TEST(Lbfgs, StopsAtTheIterationLimitOrWhenFStopsFalling) {
  Eigen::VectorXd x(2);
  x << -1.2, 1;
  auto result = minimize_lbfgs(rosenbrock, x, {.max_iterations = 3});
  EXPECT_EQ(result.stop, LbfgsStop::iterations);
  EXPECT_EQ(result.iterations, 3);
  Eigen::VectorXd g(2);
  EXPECT_EQ(result.value, rosenbrock(x, g));  // the value at the returned point

  x << -1.2, 1;
  result = minimize_lbfgs(rosenbrock, x, {.max_iterations = 200, .gradient_tolerance = 0,
                                          .relative_decrease = 1e-3});
  EXPECT_EQ(result.stop, LbfgsStop::decrease) << lbfgs_stop_name(result.stop);
  EXPECT_LT(result.iterations, 200);
}

TEST(Lbfgs, ZeroGradientAtTheStartIsAlreadyConverged) {
  Eigen::VectorXd x(2);
  x << 1, 1;
  const auto result = minimize_lbfgs(rosenbrock, x);
  EXPECT_EQ(result.stop, LbfgsStop::gradient);
  EXPECT_EQ(result.iterations, 0);
  EXPECT_EQ(result.evaluations, 1);
}

}  // namespace
}  // namespace aekit::optim
