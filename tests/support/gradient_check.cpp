#include "support/gradient_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/nn/parameters.hpp"

namespace aekit::test {

GradientCheck check_gradient(const std::string& name, std::span<double> point,
                             const std::function<double()>& f, std::span<const double> analytic,
                             Tolerance tolerance) {
  GradientCheck result;
  int reported = 0;
  for (std::size_t i = 0; i < point.size(); ++i) {
    const double saved = point[i];
    point[i] = saved + tolerance.step;
    const double up = f();
    point[i] = saved - tolerance.step;
    const double down = f();
    point[i] = saved;
    const double numeric = (up - down) / (2 * tolerance.step);
    const double a = analytic[i];
    const double allowed = tolerance.atol + tolerance.rtol * std::max(std::abs(a), std::abs(numeric));
    const double excess = std::abs(a - numeric) - allowed;
    result.worst_error = std::max(result.worst_error, excess);
    if (excess > 0 || !std::isfinite(a)) {
      result.ok = false;
      if (reported++ < 5)
        result.report += fmt::format("{}[{}]: analytic {:.10g}, numeric {:.10g}\n", name, i, a, numeric);
    }
  }
  return result;
}

namespace {

void merge(GradientCheck& total, const GradientCheck& part) {
  total.ok = total.ok && part.ok;
  total.worst_error = std::max(total.worst_error, part.worst_error);
  total.report += part.report;
}

}  // namespace

GradientCheck check_layer(nn::Layer& layer, Index rows, std::uint64_t seed, double low,
                          double high, Tolerance tolerance) {
  Rng rng(seed);
  nn::Parameters params;
  params.allocate_and_bind({{"layer", &layer}});
  layer.initialize(rng);
  // Parameters drawn afresh so biases are not all zero.
  for (auto& v : params.values()) v = rng.uniform(-0.5, 0.5);

  Matrix x(rows, layer.in_features());
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(low, high);
  Matrix r(rows, layer.out_features());
  for (Index i = 0; i < r.size(); ++i) r.data()[i] = rng.uniform(-1, 1);

  const auto objective = [&] { return (layer.forward(x).array() * r.array()).sum(); };

  // Analytic gradients on top of random pre-filled values (accumulation check).
  Vector prefill(params.size());
  for (Index i = 0; i < prefill.size(); ++i) prefill[i] = rng.uniform(-1, 1);
  std::copy(prefill.begin(), prefill.end(), params.grads().begin());
  layer.set_input_gradient(true);
  layer.forward(x);
  const Matrix dx = layer.backward(r);
  Vector dparams(params.size());
  for (Index i = 0; i < dparams.size(); ++i) dparams[i] = params.grads()[i] - prefill[i];

  GradientCheck total;
  merge(total, check_gradient(layer.kind() + ".params", params.values(), objective,
                              {dparams.data(), std::size_t(dparams.size())}, tolerance));
  merge(total, check_gradient(layer.kind() + ".input", {x.data(), std::size_t(x.size())},
                              objective, {dx.data(), std::size_t(dx.size())}, tolerance));
  return total;
}

}  // namespace aekit::test
