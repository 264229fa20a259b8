#pragma once
// Batch normalization (Ioffe & Szegedy 2015), as PyTorch's BatchNorm1d/2d: rows of C channels
// of P values each (P = H*W for images, P = 1 for dense features), statistics per channel
// over the M = N*P values of a batch:
//   training:   mu_c = mean x,  var_c = mean (x - mu_c)^2,  xh = (x - mu_c) / sqrt(var_c + eps)
//               y = gamma_c xh + beta_c
//               running_mean = (1 - m) running_mean + m mu_c
//               running_var  = (1 - m) running_var  + m var_c M / (M - 1)   (unbiased)
//   inference:  y = gamma_c (x - running_mean_c) / sqrt(running_var_c + eps) + beta_c
// Backward (training), per channel, with g = dy gamma:
//   dgamma += sum dy xh    dbeta += sum dy
//   dx = (M g - sum g - xh sum(g xh)) / (M sqrt(var + eps))
// Inference backward: dx = dy gamma / sqrt(running_var + eps).
// The mode follows Layer::set_training (non-null: training). The running statistics are
// layer state, not parameters: the optimizer never touches them.
// The kernels are in tensor/batch_norm_kernels.hpp; the layer keeps the buffers.
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/batch_norm_kernels.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class BatchNorm : public Layer {
 public:
  // channels C, values per channel P (features = C*P).
  BatchNorm(Index channels, Index per_channel, double momentum = 0.1, double eps = 1e-5);

  std::string kind() const override { return "batch_norm"; }
  Index in_features() const override { return channels_ * per_channel_; }
  Index out_features() const override { return in_features(); }
  nlohmann::json config() const override;

  std::vector<ParamSpec> param_specs() const override;  // weight (gamma) [1,C], bias (beta) [1,C]
  void bind(std::span<Scalar> values, std::span<Scalar> grads) override;
  void initialize(Rng& rng) override;  // gamma = 1, beta = 0, running mean 0, variance 1

  std::vector<Buffer> buffers() override;  // running_mean, running_var [1, C]

  void set_training(Rng* noise) override {
    mode_ = noise ? BatchNormMode::training : BatchNormMode::inference;
  }
  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  const RowVector& running_mean() const { return running_mean_; }
  const RowVector& running_var() const { return running_var_; }

 private:
  Index channels_, per_channel_;
  BatchNormSettings settings_;
  BatchNormMode mode_ = BatchNormMode::inference, last_mode_ = BatchNormMode::inference;
  MatrixMap gamma_{nullptr, 0, 0}, gamma_grad_{nullptr, 0, 0};  // [1, C]
  MatrixMap beta_{nullptr, 0, 0}, beta_grad_{nullptr, 0, 0};    // [1, C]
  RowVector running_mean_, running_var_, inv_std_;               // [1, C]
  Workspace normalized_, output_, input_gradient_;              // xh, y, dx
};

}  // namespace aekit::nn
