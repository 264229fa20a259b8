#include "aekit/nn/conv_transpose2d.hpp"

#include "aekit/error.hpp"
#include "aekit/nn/conv_config.hpp"
#include "aekit/tensor/channel_bias.hpp"
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
  rebind(bias_grad_, grads.data() + weights, 1, out);
}

void ConvTranspose2d::initialize(Rng& rng) {
  init_.fill_weight(weight_, rng);
  init_.fill_bias(bias_, geometry_.patch_size(), rng);
}

ConstMatrixRef ConvTranspose2d::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rebind(input_, x);
  const Index positions = geometry_.positions();
  MatrixMap cols = columns_.view(geometry_.patch_size(), positions);
  MatrixMap y = output_.view(x.rows(), out_features());
  for (Index n = 0; n < x.rows(); ++n) {
    gemm_tn(weight_, ConstMatrixMap(x.row(n).data(), input_shape_.c, positions), cols);
    col2im(geometry_, cols, y.row(n).data());
  }
  add_channel_bias(y, bias_);
  add_bias_and_activate(activation_, y, MatrixMap(nullptr, 0, 0));
  return y;
}

ConstMatrixRef ConvTranspose2d::backward(ConstMatrixRef dy) {
  const Index rows = input_.rows(), positions = geometry_.positions();
  AEKIT_ASSERT(dy.rows() == rows && dy.cols() == out_features());
  MatrixMap dz = pre_gradient_.view(rows, out_features());
  multiply_by_derivative(activation_, output_.view(rows, out_features()), dy, dz);
  add_channel_sums(dz, bias_grad_);
  MatrixMap cols = columns_.view(geometry_.patch_size(), positions);
  MatrixMap dx = input_gradient() ? input_gradient_.view(rows, in_features())
                                  : MatrixMap(nullptr, 0, 0);
  for (Index n = 0; n < rows; ++n) {
    im2col(geometry_, dz.row(n).data(), cols);
    const ConstMatrixMap x_n(input_.row(n).data(), input_shape_.c, positions);
    gemm_nt(x_n, cols, weight_grad_, /*accumulate=*/true);
    if (input_gradient())
      gemm_nn(weight_, cols, MatrixMap(dx.row(n).data(), input_shape_.c, positions));
  }
  return dx;
}

}  // namespace aekit::nn
