#pragma once
// 2-D convolution with a fused activation, one image per row (channel-major C*H*W):
//   y[n] = f(W[O, C*k*k] im2col(x[n]) + b)       x[n]: [C, H, W]   y[n]: [O, OH, OW]
// with the patch grid OH x OW of tensor/im2col.hpp (square kernel; stride, zero padding and
// dilation as in PyTorch's nn.Conv2d, whose weight [O, C, k, k] flattens to W, b is [1, O]).
// Forward keeps every sample's patch matrix cols[n] [C*k*k, OH*OW]. Backward, dz = dy ⊙ f'(y):
//   dW += sum_n dz[n] cols[n]^T     db[o] += sum_{n,p} dz[n, o, p]     dx[n] = col2im(W^T dz[n])
#include "aekit/nn/init.hpp"
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/im2col.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class Conv2d : public Layer {
 public:
  Conv2d(Shape input, Index out_channels, ConvKernel kernel,
         Activation activation = Activation::identity, Init init = {});

  std::string kind() const override { return "conv2d"; }
  Index in_features() const override { return geometry_.image.size(); }
  Index out_features() const override { return output_shape().size(); }
  nlohmann::json config() const override;

  std::vector<ParamSpec> param_specs() const override;
  void bind(std::span<Scalar> values, std::span<Scalar> grads) override;
  void initialize(Rng& rng) override;

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  Shape output_shape() const { return {out_channels_, geometry_.grid_h(), geometry_.grid_w()}; }
  MatrixMap& weight() { return weight_; }
  MatrixMap& bias() { return bias_; }

 private:
  ConvGeometry geometry_;  // input image and kernel
  Index out_channels_;
  Activation activation_;
  Init init_;
  Index rows_ = 0;
  MatrixMap weight_{nullptr, 0, 0}, weight_grad_{nullptr, 0, 0};  // [O, C*k*k]
  MatrixMap bias_{nullptr, 0, 0}, bias_grad_{nullptr, 0, 0};      // [1, O]
  Workspace columns_;        // [N*C*k*k, OH*OW]: cols[n] for every sample of the batch
  Workspace column_gradient_;  // [C*k*k, OH*OW]: W^T dz[n], one sample at a time
  Workspace output_, pre_gradient_, input_gradient_;  // y, dz, dx
};

}  // namespace aekit::nn
