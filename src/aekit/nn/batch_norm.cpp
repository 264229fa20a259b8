#include "aekit/nn/batch_norm.hpp"

#include "aekit/error.hpp"

namespace aekit::nn {

BatchNorm::BatchNorm(Index channels, Index per_channel, double momentum, double eps)
    : channels_(channels), per_channel_(per_channel), settings_{momentum, eps},
      running_mean_(RowVector::Zero(channels)), running_var_(RowVector::Ones(channels)),
      inv_std_(channels) {
  AEKIT_ASSERT(channels > 0 && per_channel > 0 && momentum >= 0 && momentum <= 1 && eps > 0);
}

nlohmann::json BatchNorm::config() const {
  return {{"kind", kind()}, {"channels", channels_}, {"per_channel", per_channel_},
          {"momentum", settings_.momentum}, {"eps", settings_.eps}};
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
  last_mode_ = mode_;
  MatrixMap xh = normalized_.view(x.rows(), in_features());
  MatrixMap y = output_.view(x.rows(), in_features());
  batch_norm_forward(mode_, settings_, x, gamma_, beta_, running_mean_, running_var_, inv_std_,
                     xh, y);
  return y;
}

ConstMatrixRef BatchNorm::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.cols() == in_features());
  const Index n = dy.rows();
  MatrixMap dx = input_gradient() ? input_gradient_.view(n, in_features())
                                  : MatrixMap(nullptr, 0, 0);
  batch_norm_backward(last_mode_, dy, normalized_.view(n, in_features()), gamma_, inv_std_,
                      gamma_grad_, beta_grad_, dx);
  return dx;
}

}  // namespace aekit::nn
