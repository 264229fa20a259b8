#pragma once
// Fully connected layer with a fused activation:  y[N,H] = f(x[N,D] W[H,D]^T + b[1,H]).
//
// W is stored as [out, in] like PyTorch's nn.Linear, so weights cross-check directly.
// Backward, with dz = dy ⊙ f'(y):
//   dW[H,D] += dz^T x      db[1,H] += sum_n dz      dx[N,D] = dz W
//
// Optional pre-activation noise (semantic hashing, lecture 002): while training,
//   y = f(x W^T + b + e),  e ~ N(0, sigma^2) drawn fresh for every entry,
// which pushes a sigmoid layer towards saturated, near-binary outputs. Since f' is taken
// from y, backward needs no change: dz = dy ⊙ f'(y) is the gradient at the noisy
// pre-activation. At inference (set_training(nullptr)) the noise is off.
#include "aekit/nn/init.hpp"
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class Dense : public Layer {
 public:
  Dense(Index in_features, Index out_features, Activation activation = Activation::identity,
        Init init = {});

  std::string kind() const override { return "dense"; }
  Index in_features() const override { return in_; }
  Index out_features() const override { return out_; }
  nlohmann::json config() const override;

  std::vector<ParamSpec> param_specs() const override;
  void bind(std::span<Scalar> values, std::span<Scalar> grads) override;
  void initialize(Rng& rng) override;

  void set_training(Rng* noise) override { training_noise_ = noise; }
  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  // sigma >= 0 of the training-time pre-activation noise; 0 = none.
  void set_preactivation_noise(double sigma);
  Activation activation() const { return activation_; }
  ConstMatrixRef output() const { return output_.view(input_.rows(), out_); }  // last y
  MatrixMap& weight() { return weight_; }
  const MatrixMap& weight() const { return weight_; }
  MatrixMap& weight_grad() { return weight_grad_; }
  const MatrixMap& bias() const { return bias_; }  // [1, H]

 private:
  Index in_, out_;
  Activation activation_;
  Init init_;
  double noise_sigma_ = 0;
  Rng* training_noise_ = nullptr;
  MatrixMap weight_{nullptr, 0, 0}, weight_grad_{nullptr, 0, 0};  // [H, D]
  MatrixMap bias_{nullptr, 0, 0}, bias_grad_{nullptr, 0, 0};      // [1, H]
  ConstStridedMap input_{nullptr, 0, 0, Eigen::OuterStride<>(0)};  // x of the last forward
  Workspace output_, pre_gradient_, input_gradient_;              // y, dz, dx
};

}  // namespace aekit::nn
