#pragma once
// A learned codec's entropy model as a layer: a factorized logistic prior over M latent
// channels of P positions each (Balle et al. 2017's factorized prior, with a logistic density
// per channel instead of their non-parametric one; tensor/logistic_rate_kernels.hpp):
//   forward(y[N, M*P]) -> bits[N, 1] = sum -log2 p(y) over the row's latents, p the probability
//                         of the quantization bin of width delta (set_step) around each value
//   backward(dbits[N, 1]) -> dy[N, M*P], and the gradients of mu[1, M] and log_scale[1, M]
// Parameters "mu" (initially 0) and "log_scale" (initially 0: unit scale).
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class LogisticPrior : public Layer {
 public:
  LogisticPrior(Index channels, Index positions);

  std::string kind() const override { return "logistic_prior"; }
  Index in_features() const override { return channels_ * positions_; }
  Index out_features() const override { return 1; }
  nlohmann::json config() const override;

  std::vector<ParamSpec> param_specs() const override;
  void bind(std::span<Scalar> values, std::span<Scalar> grads) override;
  void initialize(Rng& rng) override;

  ConstMatrixRef forward(ConstMatrixRef y) override;
  ConstMatrixRef backward(ConstMatrixRef dbits) override;

  // The quantization step delta the bins have (1 until set); > 0.
  void set_step(double delta);
  double step() const { return delta_; }
  Index channels() const { return channels_; }
  std::span<const Scalar> mu() const { return mu_; }
  std::span<const Scalar> log_scale() const { return log_scale_; }

 private:
  Index channels_, positions_;
  double delta_ = 1;
  std::span<Scalar> mu_, log_scale_, mu_grad_, log_scale_grad_;
  ConstStridedMap input_{nullptr, 0, 0, Eigen::OuterStride<>(0)};  // y of the last forward
  Workspace bits_, input_gradient_;
};

}  // namespace aekit::nn
