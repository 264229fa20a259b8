#include "aekit/nn/conv_transpose2d.hpp"

#include "aekit/error.hpp"
#include "aekit/nn/conv_config.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::nn {
namespace {

Index transposed_extent(Index extent, ConvKernel k, Index output_padding) {
  return (extent - 1) * k.stride - 2 * k.padding + k.dilation * (k.size - 1) + 1 +
         output_padding;
}

}  // namespace

ConvTranspose2d::ConvTranspose2d(Shape input, Index out_channels, ConvKernel kernel,
                                 Index output_padding, Activation activation, Init init)
    : input_shape_(input), output_padding_(output_padding),
      geometry_{{out_channels, transposed_extent(input.h, kernel, output_padding),
                 transposed_extent(input.w, kernel, output_padding)},
                kernel},
      activation_(activation), init_(init) {
  AEKIT_ASSERT(input.c > 0 && output_padding >= 0 && output_padding < kernel.stride);
  AEKIT_ASSERT(geometry_.valid() && geometry_.grid_h() == input.h &&
               geometry_.grid_w() == input.w);
}

nlohmann::json ConvTranspose2d::config() const {
  auto json = conv_config(kind(), input_shape_, geometry_.kernel);
  json["out_channels"] = geometry_.image.c;
  json["output_padding"] = output_padding_;
  json["activation"] = activation_name(activation_);
  return json;
}

std::vector<ParamSpec> ConvTranspose2d::param_specs() const {
  return {{"weight", input_shape_.c, geometry_.patch_size()}, {"bias", 1, geometry_.image.c}};
}

void ConvTranspose2d::bind(std::span<Scalar> values, std::span<Scalar> grads) {
  const Index weights = input_shape_.c * geometry_.patch_size(), out = geometry_.image.c;
  AEKIT_ASSERT(Index(values.size()) == weights + out && grads.size() == values.size());
  rebind(weight_, values.data(), input_shape_.c, geometry_.patch_size());
  rebind(weight_grad_, grads.data(), input_shape_.c, geometry_.patch_size());
  rebind(bias_, values.data() + weights, 1, out);
  rebind(bias_grad_, grads.data() + weights, 1, out);  // right after weight_grad_
}

void ConvTranspose2d::initialize(Rng& rng) {
  init_.fill_weight(weight_, rng);
  init_.fill_bias(bias_, geometry_.patch_size(), rng);
}

ConstMatrixRef ConvTranspose2d::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rebind(input_, x);
  const Index positions = geometry_.positions();
  MatrixMap y = output_.view(x.rows(), out_features());
  samples_.forward(y, activation_, bias_, weight_.size(), geometry_.patch_size(), positions,
                   [&](Index n, MatrixRef cols) {
                     const ConstMatrixMap x_n(x.row(n).data(), input_shape_.c, positions);
                     gemm_tn(weight_, x_n, cols);
                     col2im(geometry_, cols, y.row(n).data());
                   });
  return y;
}

ConstMatrixRef ConvTranspose2d::backward(ConstMatrixRef dy) {
  const Index rows = input_.rows(), positions = geometry_.positions();
  AEKIT_ASSERT(dy.rows() == rows && dy.cols() == out_features());
  MatrixMap dx = input_gradient() ? input_gradient_.view(rows, in_features())
                                  : MatrixMap(nullptr, 0, 0);
  samples_.backward(
      output_.view(rows, out_features()), dy, activation_, weight_grad_, bias_grad_.size(),
      geometry_.patch_size(), positions,
      [&](Index n, const Scalar* dz, MatrixRef cols, MatrixRef dw) {
        im2col(geometry_, dz, cols);
        const ConstMatrixMap x_n(input_.row(n).data(), input_shape_.c, positions);
        gemm_nt(x_n, cols, dw, /*accumulate=*/true);
        if (dx.size() > 0)
          gemm_nn(weight_, cols, MatrixMap(dx.row(n).data(), input_shape_.c, positions));
      });
  return dx;
}

}  // namespace aekit::nn
