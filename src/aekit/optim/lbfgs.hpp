#pragma once
// L-BFGS, the limited-memory quasi-Newton minimizer of a smooth function given with its
// gradient (Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithms 7.4 and 7.5), as
// scikit-learn uses (through scipy) to fit logistic regression.
//
// Each iteration steps along p = -H ∇f, H the inverse-Hessian estimate built by the two-loop
// recursion from the last `memory` pairs s = x_{k+1} - x_k, y = ∇f_{k+1} - ∇f_k and scaled by
// s'y / y'y, with a strong Wolfe line search (line_search.hpp). It stops at the first of:
//   gradient   max_i |∇f_i| <= gradient_tolerance
//   decrease   an iteration lowered f by <= relative_decrease * max(|f|, 1) (scipy's ftol)
//   line search  no step along p lowers f (f is flat to rounding there)
//   iterations   max_iterations iterations done
#include <string_view>

#include "aekit/optim/line_search.hpp"

namespace aekit::optim {

struct LbfgsOptions {
  int memory = 10;
  int max_iterations = 100;
  double gradient_tolerance = 1e-5;
  double relative_decrease = 1e-9;
};

enum class LbfgsStop { gradient, decrease, line_search, iterations };

// "gradient below tolerance", "no more decrease", "line search failed", "iteration limit".
std::string_view lbfgs_stop_name(LbfgsStop stop);

struct LbfgsResult {
  double value = 0;         // f at the returned x
  double gradient_max = 0;  // max_i |∇f_i| there
  int iterations = 0;
  int evaluations = 0;      // of f and its gradient
  LbfgsStop stop = LbfgsStop::iterations;
};

// Minimizes f from x (in place).
LbfgsResult minimize_lbfgs(const Objective& f, Eigen::VectorXd& x,
                           const LbfgsOptions& options = {});

}  // namespace aekit::optim
