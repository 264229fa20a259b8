#include "aekit/optim/optimizer.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/optim/adam.hpp"
#include "aekit/optim/parallel_for.hpp"
#include "aekit/optim/rmsprop.hpp"
#include "aekit/optim/sgd.hpp"

namespace aekit::optim {
namespace {

void require_in(double value, double low, double high, const char* name, bool low_open,
                bool high_open) {
  const bool above = low_open ? value > low : value >= low;
  const bool below = high_open ? value < high : value <= high;
  if (!(above && below))
    throw UsageError(fmt::format("{} must be in {}{}, {}{}, found {}", name, low_open ? "(" : "[",
                                 low, high, high_open ? ")" : "]", value));
}

}  // namespace

void OptimizerConfig::validate() const {
  if (kind != "sgd" && kind != "adam" && kind != "rmsprop")
    throw UsageError(fmt::format("unknown optimizer '{}': expected one of sgd, adam, rmsprop", kind));
  require_in(momentum, 0, 1, "momentum", false, true);
  require_in(beta1, 0, 1, "adam_beta1", false, true);
  require_in(beta2, 0, 1, "beta2", false, true);
  require_in(alpha, 0, 1, "alpha", false, true);
  require_in(eps, 0, 1, "eps", true, true);
  require_in(weight_decay, 0, 1e9, "weight_decay", false, false);
  if (nesterov && momentum <= 0)
    throw UsageError("nesterov needs momentum > 0, found momentum 0");
}

void Optimizer::step(std::span<Scalar> params, std::span<const Scalar> grads, double lr) {
  AEKIT_ASSERT(params.size() == grads.size());
  reserve(Index(params.size()));
  ++steps_;
  if (weight_decay_ == 0) {
    update(params, grads, lr);
    return;
  }
  if (decayed_.size() != Index(params.size())) decayed_.resize(Index(params.size()));
  const Scalar wd = Scalar(weight_decay_);
  const Index n = Index(params.size());
  Scalar* decayed = decayed_.data();
  parallel_for(n, [&](Index i) { decayed[i] = grads[i] + wd * params[i]; });
  update(params, {decayed_.data(), params.size()}, lr);
}

std::unique_ptr<Optimizer> make_optimizer(const OptimizerConfig& config) {
  config.validate();
  if (config.kind == "sgd")
    return std::make_unique<Sgd>(config.momentum, config.nesterov, config.weight_decay);
  if (config.kind == "rmsprop")
    return std::make_unique<RmsProp>(config.alpha, config.eps, config.weight_decay);
  return std::make_unique<Adam>(config.beta1, config.beta2, config.eps, config.weight_decay);
}

}  // namespace aekit::optim
