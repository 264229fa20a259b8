#pragma once
// 2-D transposed convolution with a fused activation: the adjoint of Conv2d's input map.
// x[n]: [C, H, W] (C = in channels), y[n]: [O, HO, WO] with
//   HO = (H - 1) stride - 2 padding + dilation (k - 1) + 1 + output_padding   (WO likewise)
// as in PyTorch's nn.ConvTranspose2d, whose weight [C, O, k, k] flattens to W[C, O*k*k].
// The geometry of tensor/im2col.hpp is taken on the OUTPUT image [O, HO, WO]; its patch
// grid is then H x W (requires 0 <= output_padding < stride), and
//   y[n] = f(col2im(W^T x[n]) + b)        (b is [1, O]: a Conv2d's dx with the same W)
// Backward, dz = dy ⊙ f'(y),  cols[n] = im2col(dz[n]) [O*k*k, H*W]:
//   dW += sum_n x[n] cols[n]^T     db[o] += sum_{n,p} dz[n, o, p]     dx[n] = W cols[n]
// The batch is split over the threads as in Conv2d (nn/conv_samples.hpp), the samples' cols
// being im2col(dz[n]) here.
#include "aekit/nn/conv_samples.hpp"
#include "aekit/nn/init.hpp"
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/im2col.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class ConvTranspose2d : public Layer {
 public:
  ConvTranspose2d(Shape input, Index out_channels, ConvKernel kernel, Index output_padding = 0,
                  Activation activation = Activation::identity, Init init = {});

  std::string kind() const override { return "conv_transpose2d"; }
  Index in_features() const override { return input_shape_.size(); }
  Index out_features() const override { return geometry_.image.size(); }
  nlohmann::json config() const override;

  std::vector<ParamSpec> param_specs() const override;
  void bind(std::span<Scalar> values, std::span<Scalar> grads) override;
  void initialize(Rng& rng) override;

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  Shape output_shape() const { return geometry_.image; }
  MatrixMap& weight() { return weight_; }
  MatrixMap& bias() { return bias_; }

 private:
  Shape input_shape_;
  Index output_padding_;
  ConvGeometry geometry_;  // output image and kernel
  Activation activation_;
  Init init_;
  MatrixMap weight_{nullptr, 0, 0}, weight_grad_{nullptr, 0, 0};  // [C, O*k*k]
  MatrixMap bias_{nullptr, 0, 0}, bias_grad_{nullptr, 0, 0};      // [1, O]
  ConstStridedMap input_{nullptr, 0, 0, Eigen::OuterStride<>(0)};  // x of the last forward
  ConvSamples samples_;                // the batch over the threads, scratch, gradient sums
  Workspace output_, input_gradient_;  // y, dx
};

}  // namespace aekit::nn
