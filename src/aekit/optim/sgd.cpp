#include "aekit/optim/sgd.hpp"

#include "aekit/optim/parallel_for.hpp"

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
    parallel_for(n, [&](Index i) { params[i] -= rate * grads[i]; });
    return;
  }
  const bool first = steps_ == 1;
  const bool nesterov = nesterov_;
  Scalar* velocity = velocity_.data();
  parallel_for(n, [&](Index i) {
    const Scalar b = first ? grads[i] : mu * velocity[i] + grads[i];
    velocity[i] = b;
    params[i] -= rate * (nesterov ? grads[i] + mu * b : b);
  });
}

}  // namespace aekit::optim
