#include "aekit/nn/conv2d.hpp"

#include "aekit/error.hpp"
#include "aekit/nn/conv_config.hpp"
#include "aekit/tensor/channel_bias.hpp"
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
  rebind(bias_grad_, grads.data() + weights, 1, out_channels_);
}

void Conv2d::initialize(Rng& rng) {
  init_.fill_weight(weight_, rng);
  init_.fill_bias(bias_, geometry_.patch_size(), rng);
}

ConstMatrixRef Conv2d::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rows_ = x.rows();
  const Index patch = geometry_.patch_size(), positions = geometry_.positions();
  MatrixMap cols = columns_.view(rows_ * patch, positions);
  MatrixMap y = output_.view(rows_, out_features());
  for (Index n = 0; n < rows_; ++n) {
    auto cols_n = cols.middleRows(n * patch, patch);
    im2col(geometry_, x.row(n).data(), cols_n);
    gemm_nn(weight_, cols_n, MatrixMap(y.row(n).data(), out_channels_, positions));
  }
  add_channel_bias(y, bias_);
  add_bias_and_activate(activation_, y, MatrixMap(nullptr, 0, 0));
  return y;
}

ConstMatrixRef Conv2d::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.rows() == rows_ && dy.cols() == out_features());
  const Index patch = geometry_.patch_size(), positions = geometry_.positions();
  MatrixMap dz = pre_gradient_.view(rows_, out_features());
  multiply_by_derivative(activation_, output_.view(rows_, out_features()), dy, dz);
  add_channel_sums(dz, bias_grad_);
  MatrixMap cols = columns_.view(rows_ * patch, positions);
  for (Index n = 0; n < rows_; ++n)
    gemm_nt(ConstMatrixMap(dz.row(n).data(), out_channels_, positions),
            cols.middleRows(n * patch, patch), weight_grad_, /*accumulate=*/true);
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(rows_, in_features());
  MatrixMap dcols = column_gradient_.view(patch, positions);
  for (Index n = 0; n < rows_; ++n) {
    gemm_tn(weight_, ConstMatrixMap(dz.row(n).data(), out_channels_, positions), dcols);
    col2im(geometry_, dcols, dx.row(n).data());
  }
  return dx;
}

}  // namespace aekit::nn
