#include "aekit/optim/rmsprop.hpp"

#include <cmath>

#include "aekit/optim/parallel_for.hpp"

namespace aekit::optim {

std::vector<std::pair<std::string, Vector*>> RmsProp::state() { return {{"v", &v_}}; }

void RmsProp::reserve(Index parameter_count) {
  if (v_.size() != parameter_count) v_.setZero(parameter_count);
}

void RmsProp::update(std::span<Scalar> params, std::span<const Scalar> grads, double lr) {
  const Scalar rate = Scalar(lr), a = Scalar(alpha_), eps = Scalar(eps_);
  const Scalar one_minus_a = Scalar(1 - alpha_);  // in double, then rounded
  const Index n = Index(params.size());
  Scalar* v = v_.data();
  parallel_for(n, [&](Index i) {
    const Scalar g = grads[i];
    v[i] = a * v[i] + one_minus_a * g * g;
    params[i] -= rate * g / (std::sqrt(v[i]) + eps);
  });
}

}  // namespace aekit::optim
