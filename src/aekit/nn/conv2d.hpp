#pragma once
// 2-D convolution with a fused activation, one image per row (channel-major C*H*W):
//   y[n] = f(W[O, C*k*k] im2col(x[n]) + b)       x[n]: [C, H, W]   y[n]: [O, OH, OW]
// with the patch grid OH x OW of tensor/im2col.hpp (square kernel; stride, zero padding and
// dilation as in PyTorch's nn.Conv2d, whose weight [O, C, k, k] flattens to W, b is [1, O]).
// Backward, dz = dy ⊙ f'(y), cols[n] = im2col(x[n]) [C*k*k, OH*OW]:
//   dW += sum_n dz[n] cols[n]^T     db[o] += sum_{n,p} dz[n, o, p]     dx[n] = col2im(W^T dz[n])
// The batch is cut into parts that the threads take in turn (nn/conv_samples.hpp): a thread
// runs each sample's GEMMs on its core with a patch matrix of its own, small enough to stay
// in cache. Backward recomputes cols[n] from x[n] rather than keeping the batch's patch
// matrices (k*k times the input) in memory. Each part sums its own dW and db, and the parts
// are added in order, so the gradients do not depend on the thread count.
#include "aekit/nn/conv_samples.hpp"
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
  MatrixMap weight_{nullptr, 0, 0}, weight_grad_{nullptr, 0, 0};  // [O, C*k*k]
  MatrixMap bias_{nullptr, 0, 0}, bias_grad_{nullptr, 0, 0};      // [1, O]
  ConstStridedMap input_{nullptr, 0, 0, Eigen::OuterStride<>(0)};  // x of the last forward
  ConvSamples samples_;                // the batch over the threads, scratch, gradient sums
  Workspace output_, input_gradient_;  // y, dx
};

}  // namespace aekit::nn
