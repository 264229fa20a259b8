#pragma once
// Element-wise activations, applied in place, with derivatives taken from the OUTPUT.
//
// Every activation here has a derivative expressible through its output y = f(z), so
// layers cache only y:
//   identity   y = z                      f' = 1
//   sigmoid    y = 1 / (1 + e^-z)         f' = y (1 - y)
//   tanh       y = tanh z                 f' = 1 - y^2
//   relu       y = max(z, 0)              f' = [y > 0]
//   leaky_relu y = z if z > 0 else 0.01 z f' = 1 if y > 0 else 0.01
//   leaky_relu_0.2  the same with slope 0.2 (DCGAN's discriminator, Radford et al. 2016)
//   softplus   y = log(1 + e^z)           f' = sigmoid(z) = 1 - e^-y
#include <string>
#include <string_view>

#include "aekit/tensor/matrix.hpp"

namespace aekit {

enum class Activation { identity, sigmoid, tanh, relu, leaky_relu, leaky_relu_wide, softplus };

inline constexpr Scalar kLeakyReluSlope = Scalar(0.01);     // PyTorch's default
inline constexpr Scalar kWideLeakyReluSlope = Scalar(0.2);  // leaky_relu_0.2

// "identity" | "linear", "sigmoid", "tanh", "relu", "leaky_relu" | "leaky-relu", "leaky_relu_0.2"
// (leaky_relu_wide), "softplus".
Activation parse_activation(std::string_view name);
std::string activation_name(Activation activation);
std::string activation_names();  // the valid names, for error messages

// y[N,H] = f(y + b) for each row: bias add and activation fused in one pass.
// bias is [1,H]; pass an empty bias (size 0) for none.
void add_bias_and_activate(Activation activation, MatrixRef y, ConstMatrixRef bias);

// out[N,H] = f'(z), computed from the output y = f(z) (see the table above).
void derivative_from_output(Activation activation, ConstMatrixRef y, MatrixRef out);

// out[N,H] = f''(z) = d f'(z) / dz, from y = f(z):
//   sigmoid  f'' = f' (1 - 2y)      tanh  f'' = -2 y f'      softplus  f'' = f' (1 - f')
//   identity, relu, leaky_relu(_0.2): 0 (f' is piecewise constant).
void second_derivative_from_output(Activation activation, ConstMatrixRef y, MatrixRef out);

// out[N,H] = dy ⊙ f'(y), with f' computed from the layer's output y.
void multiply_by_derivative(Activation activation, ConstMatrixRef y, ConstMatrixRef dy,
                            MatrixRef out);

}  // namespace aekit
