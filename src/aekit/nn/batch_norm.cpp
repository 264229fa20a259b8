#include "aekit/nn/batch_norm.hpp"

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/tensor/batch_parts.hpp"

namespace aekit::nn {

BatchNorm::BatchNorm(Index channels, Index per_channel, double momentum, double eps)
    : channels_(channels), per_channel_(per_channel), momentum_(momentum), eps_(eps),
      running_mean_(RowVector::Zero(channels)), running_var_(RowVector::Ones(channels)),
      inv_std_(channels) {
  AEKIT_ASSERT(channels > 0 && per_channel > 0 && momentum >= 0 && momentum <= 1 && eps > 0);
}

nlohmann::json BatchNorm::config() const {
  return {{"kind", kind()}, {"channels", channels_}, {"per_channel", per_channel_},
          {"momentum", momentum_}, {"eps", eps_}};
}

std::vector<ParamSpec> BatchNorm::param_specs() const {
  return {{"weight", 1, channels_}, {"bias", 1, channels_}};
}

void BatchNorm::bind(std::span<Scalar> values, std::span<Scalar> grads) {
  AEKIT_ASSERT(Index(values.size()) == 2 * channels_ && grads.size() == values.size());
  rebind(gamma_, values.data(), 1, channels_);
  rebind(gamma_grad_, grads.data(), 1, channels_);
  rebind(beta_, values.data() + channels_, 1, channels_);
  rebind(beta_grad_, grads.data() + channels_, 1, channels_);
}

void BatchNorm::initialize(Rng&) {
  gamma_.setOnes();
  beta_.setZero();
  running_mean_.setZero();
  running_var_.setOnes();
}

std::vector<Buffer> BatchNorm::buffers() {
  return {{"running_mean", {running_mean_.data(), std::size_t(channels_)}},
          {"running_var", {running_var_.data(), std::size_t(channels_)}}};
}

ConstMatrixRef BatchNorm::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  const Index n = x.rows(), p = per_channel_, m = n * p;
  last_training_ = training_;
  MatrixMap xh = normalized_.view(n, in_features()), y = output_.view(n, in_features());
  AEKIT_ASSERT(!training_ || m > 1);
  for_each_item(channels_, 4.0 * double(n * p), [&](Index c) {
    const auto block = x.middleCols(c * p, p);
    double mean = running_mean_[c], var = running_var_[c];
    if (training_) {
      mean = double(block.sum()) / double(m);
      var = double((block.array() - Scalar(mean)).square().sum()) / double(m);
      running_mean_[c] = Scalar((1 - momentum_) * running_mean_[c] + momentum_ * mean);
      running_var_[c] = Scalar((1 - momentum_) * running_var_[c] +
                               momentum_ * var * double(m) / double(m - 1));
    }
    inv_std_[c] = Scalar(1 / std::sqrt(var + eps_));
    xh.middleCols(c * p, p) = (block.array() - Scalar(mean)) * inv_std_[c];
    y.middleCols(c * p, p) = xh.middleCols(c * p, p).array() * gamma_(0, c) + beta_(0, c);
  });
  return y;
}

ConstMatrixRef BatchNorm::backward(ConstMatrixRef dy) {
  const Index p = per_channel_, n = dy.rows(), m = n * p;
  AEKIT_ASSERT(dy.cols() == in_features());
  const auto xh = normalized_.view(n, in_features());
  MatrixMap dx = input_gradient_.view(n, in_features());
  for_each_item(channels_, 4.0 * double(n * p), [&](Index c) {
    const auto g = dy.middleCols(c * p, p);
    const auto h = xh.middleCols(c * p, p);
    const Scalar sum_dy = g.sum(), sum_dy_xh = (g.array() * h.array()).sum();
    gamma_grad_(0, c) += sum_dy_xh;
    beta_grad_(0, c) += sum_dy;
    if (!input_gradient()) return;
    const Scalar gamma = gamma_(0, c);
    if (last_training_)
      dx.middleCols(c * p, p) = (Scalar(m) * g.array() - sum_dy - h.array() * sum_dy_xh) *
                                (gamma * inv_std_[c] / Scalar(m));
    else
      dx.middleCols(c * p, p) = g * (gamma * inv_std_[c]);
  });
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  return dx;
}

}  // namespace aekit::nn
