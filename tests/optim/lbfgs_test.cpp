// L-BFGS and its strong Wolfe line search on functions with known minimizers.
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

// phi(a) = f(a p) along p = 1 from 0 for f(x) = (x - 3)^2 (slope -6 at 0): the accepted step
// must satisfy the strong Wolfe conditions whether the first try is far too short or too long.
TEST(LineSearch, AcceptedStepsSatisfyTheStrongWolfeConditions) {
  const Objective f = [](const Eigen::VectorXd& x, Eigen::VectorXd& g) {
    g[0] = 2 * (x[0] - 3);
    return (x[0] - 3) * (x[0] - 3);
  };
  const Eigen::VectorXd x0 = Eigen::VectorXd::Zero(1), p = Eigen::VectorXd::Ones(1);
  for (const double first : {1e-4, 1.0, 100.0, 1e6}) {
    Eigen::VectorXd x(1), g(1);
    const auto r = line_search(f, x0, 9, -6, p, first, x, g);
    EXPECT_EQ(r.outcome, LineSearchResult::Outcome::wolfe) << "first step " << first;
    EXPECT_LE(r.value, 9 + 1e-4 * r.step * -6) << first;
    EXPECT_LE(std::abs(g[0]), 0.9 * 6) << first;
    EXPECT_DOUBLE_EQ(x[0], r.step);
    EXPECT_DOUBLE_EQ(r.value, (r.step - 3) * (r.step - 3));
  }
}

TEST(LineSearch, FailsWhereNoStepLowersF) {
  // A gradient that claims descent on a function that is flat: nothing can lower f.
  const Objective f = [](const Eigen::VectorXd&, Eigen::VectorXd& g) {
    g[0] = -1;
    return 1.0;
  };
  Eigen::VectorXd x(1), g(1);
  const auto r = line_search(f, Eigen::VectorXd::Zero(1), 1, -1, Eigen::VectorXd::Ones(1), 1, x, g);
  EXPECT_EQ(r.outcome, LineSearchResult::Outcome::failed);
  EXPECT_EQ(r.step, 0);
  EXPECT_LE(r.evaluations, 30);
}

}  // namespace
}  // namespace aekit::optim
