#include "aekit/optim/line_search.hpp"

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit::optim {
namespace {

constexpr double kSufficientDecrease = 1e-4;  // c1
constexpr double kCurvature = 0.9;            // c2
constexpr int kMaxEvaluations = 30;

// f along the line: phi(a) = f(x + a p) and its slope phi'(a) = ∇f(x + a p)'p.
struct Trial {
  double step = 0, value = 0, slope = 0;
};

// The minimizer of the cubic through a and b (values and slopes), kept inside the middle 80%
// of the interval between them; the midpoint where the cubic has no minimizer.
double interpolate(const Trial& a, const Trial& b) {
  const double low = std::min(a.step, b.step), high = std::max(a.step, b.step);
  const double margin = 0.1 * (high - low);
  const double d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.step - b.step);
  const double discriminant = d1 * d1 - a.slope * b.slope;
  double step = 0.5 * (low + high);
  if (discriminant >= 0) {
    const double d2 = std::copysign(std::sqrt(discriminant), b.step - a.step);
    const double cubic =
        b.step - (b.step - a.step) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2);
    if (std::isfinite(cubic)) step = cubic;
  }
  return std::clamp(step, low + margin, high - margin);
}

}  // namespace

LineSearchResult line_search(const Objective& f, const Eigen::VectorXd& x, double value,
                             double slope, const Eigen::VectorXd& p, double first_step,
                             Eigen::VectorXd& x_new, Eigen::VectorXd& gradient_new) {
  AEKIT_ASSERT(slope < 0 && first_step > 0);
  LineSearchResult result;
  Trial last;
  const auto evaluate = [&](double step) {
    x_new = x + step * p;
    last = {step, f(x_new, gradient_new), 0};
    last.slope = gradient_new.dot(p);
    ++result.evaluations;
    return last;
  };
  const auto too_high = [&](const Trial& t) {
    return !std::isfinite(t.value) || t.value > value + kSufficientDecrease * t.step * slope;
  };
  const auto flat_enough = [&](const Trial& t) {
    return std::abs(t.slope) <= -kCurvature * slope;
  };
  const auto done = [&](LineSearchResult::Outcome outcome) {
    result.outcome = outcome;
    result.step = last.step;
    result.value = last.value;
    return result;
  };

  // Bracketing: lo satisfies sufficient decrease with the lowest f so far; once bracketed, a
  // step satisfying both conditions lies between lo and hi.
  Trial lo{0, value, slope}, hi;
  bool bracketed = false;
  for (double step = first_step; !bracketed && result.evaluations < kMaxEvaluations; step *= 2) {
    const Trial t = evaluate(step);
    if (too_high(t) || (lo.step > 0 && t.value >= lo.value)) {
      hi = t;
      bracketed = true;
    } else if (flat_enough(t)) {
      return done(LineSearchResult::Outcome::wolfe);
    } else if (t.slope >= 0) {
      hi = lo;
      lo = t;
      bracketed = true;
    } else {
      lo = t;
    }
  }
  // Zoom.
  while (bracketed && result.evaluations < kMaxEvaluations &&
         std::abs(hi.step - lo.step) > 1e-12 * std::max(lo.step, hi.step)) {
    const Trial t = evaluate(interpolate(lo, hi));
    if (too_high(t) || t.value >= lo.value) {
      hi = t;
      continue;
    }
    if (flat_enough(t)) return done(LineSearchResult::Outcome::wolfe);
    if (t.slope * (hi.step - lo.step) >= 0) hi = lo;
    lo = t;
  }
  // Out of evaluations or of interval: settle for the best step that lowered f enough.
  if (lo.step == 0) return result;  // failed
  if (last.step != lo.step) evaluate(lo.step);
  return done(LineSearchResult::Outcome::decrease_only);
}

}  // namespace aekit::optim
