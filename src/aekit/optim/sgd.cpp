#include "aekit/optim/sgd.hpp"

namespace aekit::optim {

std::vector<std::pair<std::string, Vector*>> Sgd::state() {
  if (momentum_ == 0) return {};
  return {{"velocity", &velocity_}};
}

void Sgd::reserve(Index parameter_count) {
  if (momentum_ != 0 && velocity_.size() != parameter_count) velocity_.setZero(parameter_count);
}

void Sgd::update(std::span<Scalar> params, std::span<const Scalar> grads, double lr) {
  const Index n = Index(params.size());
  const Scalar rate = Scalar(lr), mu = Scalar(momentum_);
  if (momentum_ == 0) {
#pragma omp parallel for simd schedule(static)
    for (Index i = 0; i < n; ++i) params[i] -= rate * grads[i];
    return;
  }
  const bool first = steps_ == 1;
  const bool nesterov = nesterov_;
#pragma omp parallel for simd schedule(static)
  for (Index i = 0; i < n; ++i) {
    const Scalar b = first ? grads[i] : mu * velocity_[i] + grads[i];
    velocity_[i] = b;
    params[i] -= rate * (nesterov ? grads[i] + mu * b : b);
  }
}

}  // namespace aekit::optim
