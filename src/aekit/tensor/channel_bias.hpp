#pragma once
// Per-channel bias of image rows: x[N, C*P] holds C channels of P pixels each.
#include "aekit/tensor/matrix.hpp"

namespace aekit {

// y[n, c*P + p] += bias[0, c]                      (bias is [1, C])
void add_channel_bias(MatrixRef y, ConstMatrixRef bias);
// sums[0, c] += sum over n, p of x[n, c*P + p]      (sums is [1, C]; bias gradients)
void add_channel_sums(ConstMatrixRef x, MatrixRef sums);

}  // namespace aekit
