#include "aekit/nn/tied_dense.hpp"

#include "aekit/error.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/reduce.hpp"

namespace aekit::nn {

TiedDense::TiedDense(Dense& source, Activation activation)
    : source_(source), activation_(activation) {}

nlohmann::json TiedDense::config() const {
  return {{"kind", kind()}, {"in", in_features()}, {"out", out_features()},
          {"activation", activation_name(activation_)}};
}

std::vector<ParamSpec> TiedDense::param_specs() const { return {{"bias", 1, out_features()}}; }

void TiedDense::bind(std::span<Scalar> values, std::span<Scalar> grads) {
  AEKIT_ASSERT(Index(values.size()) == out_features() && grads.size() == values.size());
  rebind(bias_, values.data(), 1, out_features());
  rebind(bias_grad_, grads.data(), 1, out_features());
}

void TiedDense::initialize(Rng& rng) { bias_.setZero(); }

ConstMatrixRef TiedDense::forward(ConstMatrixRef h) {
  AEKIT_ASSERT(h.cols() == in_features());
  rebind(input_, h);  // keeps h's row stride
  MatrixMap y = output_.view(h.rows(), out_features());
  gemm_nn(h, source_.weight(), y);
  add_bias_and_activate(activation_, y, bias_);
  return y;
}

ConstMatrixRef TiedDense::backward(ConstMatrixRef dy) {
  const Index n = input_.rows();
  AEKIT_ASSERT(dy.rows() == n && dy.cols() == out_features());
  MatrixMap dz = pre_gradient_.view(n, out_features());
  multiply_by_derivative(activation_, output_.view(n, out_features()), dy, dz);
  gemm_tn(input_, dz, source_.weight_grad(), /*accumulate=*/true);
  add_column_sums(dz, bias_grad_);
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dh = input_gradient_.view(n, in_features());
  gemm_nt(dz, source_.weight(), dh);
  return dh;
}

}  // namespace aekit::nn
