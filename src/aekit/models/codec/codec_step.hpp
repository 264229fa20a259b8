#pragma once
// The training step of a learned codec (learned_codec.hpp) on the one training loop: one
// parameter group "model". Per minibatch X[B, C*H*W] in [0, 1]:
//   q    ~ uniform over the qualities 1..Q, one draw per minibatch (one model learns them all)
//   y    = g_a(X);  y~ = y + delta_q u,  u ~ U(-1/2, 1/2)  (tensor/quantization_kernels.hpp)
//   x^   = g_s(y~)  (quantization noise)  or  g_s(delta_q round(y / delta_q))  (straight-through)
//   R    = 1/(B H W) sum_n bits(y~_n)        bits per pixel, the entropy model's -log2 p
//   D    = 255^2 / (B C H W) sum (x^ - X)^2   MSE on the 0..255 scale
//   L    = R + lambda_q D                     (Balle et al. 2017's rate-distortion Lagrangian)
// Backward: dL/dy = dL/dy~ (both the noise and rounding pass the gradient unchanged), through the
// decoder's and the entropy model's paths. Losses: "loss", "bpp", "mse" (of the drawn qualities).
// Validation: every quality in turn with real rounding, R from the entropy model's bins (what
// the coder spends, within its ~0.1% overhead): "rd_loss" (the mean over the qualities of
// R + lambda_q D; early stopping keeps its lowest epoch), "bpp" and "psnr" (their means).
#include <memory>

#include "aekit/models/codec/learned_codec.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/train/training_step.hpp"

namespace aekit::models {

class CodecStep final : public train::TrainingStep {
 public:
  // `model` must outlive the step.
  CodecStep(LearnedCodec& model, const optim::OptimizerConfig& optimizer, double learning_rate);

  std::span<train::ParameterGroup> groups() override { return {&group_, 1}; }
  std::vector<std::string> loss_names() const override { return {"loss", "bpp", "mse"}; }
  void step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) override;
  std::vector<std::string> metric_names() const override { return {"rd_loss", "bpp", "psnr"}; }
  void validate(const train::Batch& batch, std::span<double> metrics) override;

  struct Parts {
    double bpp = 0, mse = 0;  // R and D above
  };
  // R and D of rows x at `quality`, with the noise u[N, K] (training) or, when u is empty,
  // real rounding for both paths; with gradients > 0 also the gradients of R + lambda D
  // (accumulated into the group's grads). step() and validate() call it.
  Parts evaluate(ConstMatrixRef x, int quality, ConstMatrixRef u, bool gradients);

 private:
  LearnedCodec& model_;
  std::unique_ptr<optim::Optimizer> optimizer_;
  train::ParameterGroup group_;
  Workspace noise_, noisy_, rounded_, d_output_, d_latent_, d_bits_;
};

}  // namespace aekit::models
