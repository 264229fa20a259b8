#include "aekit/tensor/activation.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"

namespace aekit {
namespace {

// Numerically stable softplus: log(1 + e^z) = max(z, 0) + log1p(e^-|z|).
template <typename ArrayExpr>
auto softplus(const ArrayExpr& z) {
  return z.max(Scalar(0)) + (-z.abs()).exp().log1p();
}

// out = f(z) for an array expression z (evaluated once per entry; z may alias out).
template <typename In, typename Out>
void apply_activation(Activation activation, const In& z, Out out) {
  switch (activation) {
    case Activation::identity: out = z; break;
    case Activation::sigmoid: out = z.logistic(); break;
    case Activation::tanh: out = z.tanh(); break;
    case Activation::relu: out = z.max(Scalar(0)); break;
    case Activation::leaky_relu: out = z.max(kLeakyReluSlope * z); break;
    case Activation::leaky_relu_wide: out = z.max(kWideLeakyReluSlope * z); break;
    case Activation::softplus: out = softplus(z); break;
  }
}

}  // namespace

Activation parse_activation(std::string_view name) {
  if (name == "identity" || name == "linear") return Activation::identity;
  if (name == "sigmoid") return Activation::sigmoid;
  if (name == "tanh") return Activation::tanh;
  if (name == "relu") return Activation::relu;
  if (name == "leaky_relu" || name == "leaky-relu") return Activation::leaky_relu;
  if (name == "leaky_relu_0.2") return Activation::leaky_relu_wide;
  if (name == "softplus") return Activation::softplus;
  throw UsageError(fmt::format("unknown activation '{}': expected one of {}", name,
                               activation_names()));
}

std::string activation_name(Activation activation) {
  switch (activation) {
    case Activation::identity: return "identity";
    case Activation::sigmoid: return "sigmoid";
    case Activation::tanh: return "tanh";
    case Activation::relu: return "relu";
    case Activation::leaky_relu: return "leaky_relu";
    case Activation::leaky_relu_wide: return "leaky_relu_0.2";
    case Activation::softplus: return "softplus";
  }
  AEKIT_ASSERT(false);
  return {};
}

std::string activation_names() { return "identity, sigmoid, tanh, relu, leaky_relu, leaky_relu_0.2, softplus"; }

void add_bias_and_activate(Activation activation, MatrixRef y, ConstMatrixRef bias) {
  if (bias.size() == 0) {
    apply_activation(activation, y.array(), y.array());
    return;
  }
  AEKIT_ASSERT(bias.rows() == 1 && bias.cols() == y.cols());
  // One pass: each entry is read once, biased, activated and written back.
  apply_activation(activation, y.array().rowwise() + bias.row(0).array(), y.array());
}

void multiply_by_derivative(Activation activation, ConstMatrixRef y, ConstMatrixRef dy,
                            MatrixRef out) {
  AEKIT_ASSERT(y.rows() == dy.rows() && y.cols() == dy.cols());
  const auto ya = y.array();
  const auto g = dy.array();
  auto o = out.array();
  switch (activation) {
    case Activation::identity: o = g; break;
    case Activation::sigmoid: o = g * ya * (Scalar(1) - ya); break;
    case Activation::tanh: o = g * (Scalar(1) - ya.square()); break;
    case Activation::relu: o = (ya > 0).select(g, Scalar(0)); break;
    case Activation::leaky_relu: o = (ya > 0).select(g, kLeakyReluSlope * g); break;
    case Activation::leaky_relu_wide: o = (ya > 0).select(g, kWideLeakyReluSlope * g); break;
    case Activation::softplus: o = -g * (-ya).expm1(); break;  // 1 - e^-y, exact for small y
  }
}

void derivative_from_output(Activation activation, ConstMatrixRef y, MatrixRef out) {
  AEKIT_ASSERT(y.rows() == out.rows() && y.cols() == out.cols());
  const auto ya = y.array();
  auto o = out.array();
  switch (activation) {
    case Activation::identity: o = Scalar(1); break;
    case Activation::sigmoid: o = ya * (Scalar(1) - ya); break;
    case Activation::tanh: o = Scalar(1) - ya.square(); break;
    case Activation::relu: o = (ya > 0).template cast<Scalar>(); break;
    case Activation::leaky_relu:
      o = kLeakyReluSlope + (1 - kLeakyReluSlope) * (ya > 0).template cast<Scalar>();
      break;
    case Activation::leaky_relu_wide:
      o = kWideLeakyReluSlope + (1 - kWideLeakyReluSlope) * (ya > 0).template cast<Scalar>();
      break;
    case Activation::softplus: o = -(-ya).expm1(); break;
  }
}

void second_derivative_from_output(Activation activation, ConstMatrixRef y, MatrixRef out) {
  AEKIT_ASSERT(y.rows() == out.rows() && y.cols() == out.cols());
  const auto ya = y.array();
  auto o = out.array();
  switch (activation) {
    case Activation::identity:
    case Activation::relu:
    case Activation::leaky_relu:
    case Activation::leaky_relu_wide: o = Scalar(0); break;
    case Activation::sigmoid: o = ya * (Scalar(1) - ya) * (Scalar(1) - 2 * ya); break;
    case Activation::tanh: o = Scalar(-2) * ya * (Scalar(1) - ya.square()); break;
    case Activation::softplus: {
      const auto s = -(-ya).expm1();  // f' = sigmoid(z) = 1 - e^-y
      o = s * (Scalar(1) - s);
      break;
    }
  }
}

}  // namespace aekit
