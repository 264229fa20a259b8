#pragma once
// Fully connected layer with a fused activation:  y[N,H] = f(x[N,D] W[H,D]^T + b[1,H]).
//
// W is stored as [out, in] like PyTorch's nn.Linear, so weights cross-check directly.
// Backward, with dz = dy ⊙ f'(y):
//   dW[H,D] += dz^T x      db[1,H] += sum_n dz      dx[N,D] = dz W
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

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  Activation activation() const { return activation_; }
  MatrixMap& weight() { return weight_; }
  MatrixMap& weight_grad() { return weight_grad_; }

 private:
  Index in_, out_;
  Activation activation_;
  Init init_;
  MatrixMap weight_{nullptr, 0, 0}, weight_grad_{nullptr, 0, 0};  // [H, D]
  MatrixMap bias_{nullptr, 0, 0}, bias_grad_{nullptr, 0, 0};      // [1, H]
  ConstStridedMap input_{nullptr, 0, 0, Eigen::OuterStride<>(0)};  // x of the last forward
  Workspace output_, pre_gradient_, input_gradient_;              // y, dz, dx
};

}  // namespace aekit::nn
