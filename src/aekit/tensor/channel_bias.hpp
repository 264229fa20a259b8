#pragma once
// Per-channel bias of image rows: x[N, C*P] holds C channels of P pixels each.
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit {

// y[n, c*P + p] += bias[0, c]                      (bias is [1, C])
void add_channel_bias(MatrixRef y, ConstMatrixRef bias);
// sums[0, c] += sum over n, p of x[n, c*P + p]      (sums is [1, C]; bias gradients)
void add_channel_sums(ConstMatrixRef x, MatrixRef sums);

// A convolution's output: y[n, c*P + p] = f(y[n, c*P + p] + bias[0, c]).
void add_channel_bias_and_activate(Activation activation, MatrixRef y, ConstMatrixRef bias);
// Its backward from the output y: dz = dy ⊙ f'(y), and bias_grad[0, c] += sum_{n,p} dz[n, c*P + p].
void channel_bias_and_activation_gradient(Activation activation, ConstMatrixRef y,
                                          ConstMatrixRef dy, MatrixRef dz, MatrixRef bias_grad);

}  // namespace aekit
