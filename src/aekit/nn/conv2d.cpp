#include "aekit/nn/conv2d.hpp"

#include "aekit/error.hpp"
#include "aekit/nn/conv_config.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::nn {

Conv2d::Conv2d(Shape input, Index out_channels, ConvKernel kernel, Activation activation,
               Init init)
    : geometry_{input, kernel}, out_channels_(out_channels), activation_(activation),
      init_(init) {
  AEKIT_ASSERT(geometry_.valid() && out_channels_ > 0);
}

nlohmann::json Conv2d::config() const {
  auto json = conv_config(kind(), geometry_.image, geometry_.kernel);
  json["out_channels"] = out_channels_;
  json["activation"] = activation_name(activation_);
  return json;
}

std::vector<ParamSpec> Conv2d::param_specs() const {
  return {{"weight", out_channels_, geometry_.patch_size()}, {"bias", 1, out_channels_}};
}

void Conv2d::bind(std::span<Scalar> values, std::span<Scalar> grads) {
  const Index weights = out_channels_ * geometry_.patch_size();
  AEKIT_ASSERT(Index(values.size()) == weights + out_channels_ && grads.size() == values.size());
  rebind(weight_, values.data(), out_channels_, geometry_.patch_size());
  rebind(weight_grad_, grads.data(), out_channels_, geometry_.patch_size());
  rebind(bias_, values.data() + weights, 1, out_channels_);
  rebind(bias_grad_, grads.data() + weights, 1, out_channels_);  // right after weight_grad_
}

void Conv2d::initialize(Rng& rng) {
  init_.fill_weight(weight_, rng);
  init_.fill_bias(bias_, geometry_.patch_size(), rng);
}

ConstMatrixRef Conv2d::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rebind(input_, x);
  const Index patch = geometry_.patch_size(), positions = geometry_.positions();
  MatrixMap y = output_.view(x.rows(), out_features());
  samples_.forward(y, activation_, bias_, weight_.size(), patch, positions,
                   [&](Index n, MatrixRef cols) {
                     im2col(geometry_, x.row(n).data(), cols);
                     gemm_nn(weight_, cols, MatrixMap(y.row(n).data(), out_channels_, positions));
                   });
  return y;
}

ConstMatrixRef Conv2d::backward(ConstMatrixRef dy) {
  const Index rows = input_.rows(), positions = geometry_.positions();
  AEKIT_ASSERT(dy.rows() == rows && dy.cols() == out_features());
  MatrixMap dx = input_gradient() ? input_gradient_.view(rows, in_features())
                                  : MatrixMap(nullptr, 0, 0);
  samples_.backward(
      output_.view(rows, out_features()), dy, activation_, weight_grad_, out_channels_,
      geometry_.patch_size(), positions,
      [&](Index n, const Scalar* dz, MatrixRef cols, MatrixRef dw) {
        const ConstMatrixMap dz_n(dz, out_channels_, positions);
        im2col(geometry_, input_.row(n).data(), cols);
        gemm_nt(dz_n, cols, dw, /*accumulate=*/true);
        if (dx.size() == 0) return;
        gemm_tn(weight_, dz_n, cols);  // cols is free again: it takes W^T dz[n]
        col2im(geometry_, cols, dx.row(n).data());
      });
  return dx;
}

}  // namespace aekit::nn
