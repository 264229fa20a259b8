#include "aekit/nn/dense.hpp"

#include "aekit/error.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/noise_kernels.hpp"
#include "aekit/tensor/reduce.hpp"

namespace aekit::nn {

Dense::Dense(Index in_features, Index out_features, Activation activation, Init init)
    : in_(in_features), out_(out_features), activation_(activation), init_(init) {
  AEKIT_ASSERT(in_ > 0 && out_ > 0);
}

nlohmann::json Dense::config() const {
  return {{"kind", kind()}, {"in", in_}, {"out", out_},
          {"activation", activation_name(activation_)}, {"preactivation_noise", noise_sigma_}};
}

void Dense::set_preactivation_noise(double sigma) {
  AEKIT_ASSERT(sigma >= 0);
  noise_sigma_ = sigma;
}

std::vector<ParamSpec> Dense::param_specs() const {
  return {{"weight", out_, in_}, {"bias", 1, out_}};
}

void Dense::bind(std::span<Scalar> values, std::span<Scalar> grads) {
  AEKIT_ASSERT(Index(values.size()) == out_ * in_ + out_ && grads.size() == values.size());
  rebind(weight_, values.data(), out_, in_);
  rebind(weight_grad_, grads.data(), out_, in_);
  rebind(bias_, values.data() + out_ * in_, 1, out_);
  rebind(bias_grad_, grads.data() + out_ * in_, 1, out_);
}

void Dense::initialize(Rng& rng) {
  init_.fill_weight(weight_, rng);
  init_.fill_bias(bias_, in_, rng);
}

ConstMatrixRef Dense::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_);
  rebind(input_, x);  // keeps x's row stride (x may be a block of columns)
  MatrixMap y = output_.view(x.rows(), out_);
  gemm_nt(x, weight_, y);
  if (training_noise_ && noise_sigma_ > 0) add_gaussian_noise(*training_noise_, noise_sigma_, y);
  add_bias_and_activate(activation_, y, bias_);
  return y;
}

ConstMatrixRef Dense::backward(ConstMatrixRef dy) {
  const Index n = input_.rows();
  AEKIT_ASSERT(dy.rows() == n && dy.cols() == out_);
  MatrixMap dz = pre_gradient_.view(n, out_);
  multiply_by_derivative(activation_, output_.view(n, out_), dy, dz);
  gemm_tn(dz, input_, weight_grad_, /*accumulate=*/true);
  add_column_sums(dz, bias_grad_);
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(n, in_);
  gemm_nn(dz, weight_, dx);
  return dx;
}

}  // namespace aekit::nn
