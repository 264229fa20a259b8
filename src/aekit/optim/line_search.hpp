#pragma once
// A line search for full-batch minimizers (L-BFGS, lbfgs.hpp): along a descent direction p
// from x, finds a step a that satisfies the strong Wolfe conditions
//   f(x + a p) <= f(x) + c1 a ∇f(x)'p          (sufficient decrease, c1 = 1e-4)
//   |∇f(x + a p)'p| <= c2 |∇f(x)'p|             (curvature, c2 = 0.9)
// by Nocedal & Wright's Algorithms 3.5 and 3.6 (Numerical Optimization, 2nd ed.): double the
// step until an interval holding such a step is bracketed, then shrink it by safeguarded cubic
// interpolation. At most 30 evaluations of f.
#include <Eigen/Core>
#include <functional>

namespace aekit::optim {

// f(x), with ∇f(x) written into `gradient` (sized like x). Values and gradients in double.
using Objective = std::function<double(const Eigen::VectorXd& x, Eigen::VectorXd& gradient)>;

struct LineSearchResult {
  enum class Outcome {
    wolfe,          // the step satisfies both conditions
    decrease_only,  // the search ran out of evaluations; the step only lowers f enough
    failed,         // no step lowered f enough (e.g. f is flat to rounding along p)
  };
  Outcome outcome = Outcome::failed;
  double step = 0;   // a (0 when the search failed)
  double value = 0;  // f(x + a p)
  int evaluations = 0;
};

// Searches from x, where f(x) = value and ∇f(x)'p = slope < 0, trying `first_step` first.
// Unless the search failed, x_new = x + a p and gradient_new = ∇f(x_new) on return.
LineSearchResult line_search(const Objective& f, const Eigen::VectorXd& x, double value,
                             double slope, const Eigen::VectorXd& p, double first_step,
                             Eigen::VectorXd& x_new, Eigen::VectorXd& gradient_new);

}  // namespace aekit::optim
