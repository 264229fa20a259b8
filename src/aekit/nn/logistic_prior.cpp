#include "aekit/nn/logistic_prior.hpp"

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/tensor/logistic_rate_kernels.hpp"

namespace aekit::nn {

LogisticPrior::LogisticPrior(Index channels, Index positions) : channels_(channels), positions_(positions) {
  AEKIT_ASSERT(channels > 0 && positions > 0);
}

nlohmann::json LogisticPrior::config() const {
  return {{"kind", kind()}, {"channels", channels_}, {"positions", positions_}};
}

std::vector<ParamSpec> LogisticPrior::param_specs() const { return {{"mu", 1, channels_}, {"log_scale", 1, channels_}}; }

void LogisticPrior::bind(std::span<Scalar> values, std::span<Scalar> grads) {
  const std::size_t m = std::size_t(channels_);
  AEKIT_ASSERT(values.size() == 2 * m && grads.size() == values.size());
  mu_ = values.first(m);
  log_scale_ = values.subspan(m, m);
  mu_grad_ = grads.first(m);
  log_scale_grad_ = grads.subspan(m, m);
}

void LogisticPrior::initialize(Rng&) {
  std::fill(mu_.begin(), mu_.end(), Scalar(0));
  std::fill(log_scale_.begin(), log_scale_.end(), Scalar(0));
}

void LogisticPrior::set_step(double delta) {
  AEKIT_ASSERT(delta > 0);
  delta_ = delta;
}

ConstMatrixRef LogisticPrior::forward(ConstMatrixRef y) {
  AEKIT_ASSERT(y.cols() == in_features());
  rebind(input_, y);
  MatrixMap bits = bits_.view(y.rows(), 1);
  logistic_rate_forward(y, mu_, log_scale_, delta_, bits);
  return bits;
}

ConstMatrixRef LogisticPrior::backward(ConstMatrixRef dbits) {
  AEKIT_ASSERT(dbits.rows() == input_.rows() && dbits.cols() == 1);
  MatrixMap dy = input_gradient_.view(input_.rows(), input_.cols());
  dy.setZero();
  logistic_rate_backward(input_, mu_, log_scale_, delta_, dbits, dy, mu_grad_, log_scale_grad_);
  return dy;
}

}  // namespace aekit::nn
