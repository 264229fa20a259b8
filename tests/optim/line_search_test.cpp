// The strong Wolfe line search (optim/line_search.hpp) on one-dimensional cases.
#include "aekit/optim/line_search.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace aekit::optim {
namespace {

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
