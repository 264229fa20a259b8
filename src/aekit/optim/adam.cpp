#include "aekit/optim/adam.hpp"

#include <cmath>

#include "aekit/optim/parallel_for.hpp"

namespace aekit::optim {

std::vector<std::pair<std::string, Vector*>> Adam::state() { return {{"m", &m_}, {"v", &v_}}; }

void Adam::reserve(Index parameter_count) {
  if (m_.size() != parameter_count) {
    m_.setZero(parameter_count);
    v_.setZero(parameter_count);
  }
}

void Adam::update(std::span<Scalar> params, std::span<const Scalar> grads, double lr) {
  const double t = double(steps_);
  const Scalar step_size = Scalar(lr / (1 - std::pow(beta1_, t)));
  const Scalar inv_sqrt_bias2 = Scalar(1 / std::sqrt(1 - std::pow(beta2_, t)));
  // 1 - beta in double, then rounded: 1 - float(0.999) would be off by 1.3e-5 relative.
  const Scalar b1 = Scalar(beta1_), b2 = Scalar(beta2_), eps = Scalar(eps_);
  const Scalar one_minus_b1 = Scalar(1 - beta1_), one_minus_b2 = Scalar(1 - beta2_);
  const Index n = Index(params.size());
  Scalar* m = m_.data();
  Scalar* v = v_.data();
  parallel_for(n, [&](Index i) {
    const Scalar g = grads[i];
    m[i] = b1 * m[i] + one_minus_b1 * g;
    v[i] = b2 * v[i] + one_minus_b2 * g * g;
    params[i] -= step_size * m[i] / (std::sqrt(v[i]) * inv_sqrt_bias2 + eps);
  });
}

}  // namespace aekit::optim
