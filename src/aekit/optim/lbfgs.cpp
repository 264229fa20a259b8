#include "aekit/optim/lbfgs.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "aekit/error.hpp"

namespace aekit::optim {
namespace {

// The last `capacity` curvature pairs (s, y), oldest first, with rho = 1 / s'y.
class History {
 public:
  explicit History(int capacity) : capacity_(capacity) {}

  void push(Eigen::VectorXd s, Eigen::VectorXd y) {
    if (int(s_.size()) == capacity_) {
      s_.erase(s_.begin());
      y_.erase(y_.begin());
      rho_.erase(rho_.begin());
    }
    rho_.push_back(1 / s.dot(y));
    s_.push_back(std::move(s));
    y_.push_back(std::move(y));
  }
  bool empty() const { return s_.empty(); }

  // p = -H g by the two-loop recursion, H0 = (s'y / y'y) I from the newest pair.
  Eigen::VectorXd direction(const Eigen::VectorXd& g) const {
    const int m = int(s_.size());
    std::vector<double> alpha(m);
    Eigen::VectorXd q = g;
    for (int i = m - 1; i >= 0; --i) {
      alpha[i] = rho_[i] * s_[i].dot(q);
      q -= alpha[i] * y_[i];
    }
    q *= 1 / (rho_.back() * y_.back().squaredNorm());
    for (int i = 0; i < m; ++i) q += (alpha[i] - rho_[i] * y_[i].dot(q)) * s_[i];
    return -q;
  }

 private:
  int capacity_;
  std::vector<Eigen::VectorXd> s_, y_;
  std::vector<double> rho_;
};

}  // namespace

std::string_view lbfgs_stop_name(LbfgsStop stop) {
  switch (stop) {
    case LbfgsStop::gradient: return "gradient below tolerance";
    case LbfgsStop::decrease: return "no more decrease";
    case LbfgsStop::line_search: return "line search failed";
    case LbfgsStop::iterations: return "iteration limit";
  }
  assertion_failed("known LbfgsStop", __FILE__, __LINE__);
}

LbfgsResult minimize_lbfgs(const Objective& f, Eigen::VectorXd& x, const LbfgsOptions& options) {
  AEKIT_ASSERT(options.memory >= 1 && options.max_iterations >= 0);
  LbfgsResult result;
  const auto finish = [&](LbfgsStop stop) {
    result.stop = stop;
    return result;
  };
  Eigen::VectorXd g(x.size()), x_new(x.size()), g_new(x.size());
  result.value = f(x, g);
  result.evaluations = 1;
  History history(options.memory);
  bool stalled = false;  // the last iteration lowered f by too little
  for (;;) {
    result.gradient_max = g.lpNorm<Eigen::Infinity>();
    if (result.gradient_max <= options.gradient_tolerance) return finish(LbfgsStop::gradient);
    if (stalled) return finish(LbfgsStop::decrease);
    if (result.iterations == options.max_iterations) return finish(LbfgsStop::iterations);

    Eigen::VectorXd p = history.empty() ? Eigen::VectorXd(-g) : history.direction(g);
    double slope = g.dot(p);
    if (!(slope < 0)) {  // rounding made H lose positive-definiteness: restart downhill
      history = History(options.memory);
      p = -g;
      slope = -g.squaredNorm();
    }
    // The first step of a steepest descent moves a distance of at most 1.
    const double first_step = history.empty() ? std::min(1.0, 1 / p.norm()) : 1.0;
    const auto search = line_search(f, x, result.value, slope, p, first_step, x_new, g_new);
    result.evaluations += search.evaluations;
    if (search.outcome == LineSearchResult::Outcome::failed) return finish(LbfgsStop::line_search);

    Eigen::VectorXd s = x_new - x, y = g_new - g;
    if (s.dot(y) > 1e-10 * y.squaredNorm()) history.push(std::move(s), std::move(y));
    const double scale = std::max({std::abs(result.value), std::abs(search.value), 1.0});
    stalled = result.value - search.value <= options.relative_decrease * scale;
    x.swap(x_new);
    g.swap(g_new);
    result.value = search.value;
    ++result.iterations;
  }
}

}  // namespace aekit::optim
