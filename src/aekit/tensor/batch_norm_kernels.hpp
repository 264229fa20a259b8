#pragma once
// Batch normalization (Ioffe & Szegedy 2015) of a batch x[N, C*P]: C channels of P values
// each per row (channel-major; P = H*W for images, 1 for dense features), statistics per
// channel c over its M = N*P values. Per-channel vectors are [1, C].
//   training:   mu_c = mean x,  var_c = mean (x - mu_c)^2        (sums in Scalar, then double)
//               running_mean = (1 - m) running_mean + m mu_c
//               running_var  = (1 - m) running_var  + m var_c M / (M - 1)   (unbiased)
//   inference:  mu_c = running_mean_c,  var_c = running_var_c
//   both:       inv_std_c = 1 / sqrt(var_c + eps)      (kept for backward)
//               xh = (x - mu_c) inv_std_c,   y = gamma_c xh + beta_c
// Backward, per channel, with g = dy:
//   dgamma += sum g xh     dbeta += sum g                              (both modes)
//   training:   dx = (M g - sum g - xh sum(g xh)) gamma inv_std / M
//   inference:  dx = g gamma inv_std
//
// Threads: the channels are independent, so each fast kernel splits them over the threads
// itself (for_each_item, tensor/batch_parts.hpp): one call per layer pass, as one device
// kernel would be. A channel is computed by one thread in a fixed order, so the results are
// the same bits whatever the thread count.
// The fast kernels take a channel's sums with Eigen's vectorized reductions; the references
// add its values one at a time in (n, p) order. Float sums taken in different orders round
// differently, so the two agree to a few float ulps of the sums, not bit for bit (the tests
// state the tolerance); everything else is the same arithmetic in the same order.
#include "aekit/tensor/matrix.hpp"

namespace aekit {

enum class BatchNormMode { training, inference };

struct BatchNormSettings {
  double momentum = 0.1;  // m above, in [0, 1]
  double eps = 1e-5;
};

// Writes inv_std, xh[N, C*P] and y[N, C*P]; in training also updates running_mean and
// running_var (read otherwise). Training needs M > 1.
void batch_norm_forward(BatchNormMode mode, const BatchNormSettings& settings, ConstMatrixRef x,
                        ConstMatrixRef gamma, ConstMatrixRef beta, MatrixRef running_mean,
                        MatrixRef running_var, MatrixRef inv_std, MatrixRef xh, MatrixRef y);
// Adds to gamma_grad and beta_grad; writes dx unless it is empty (size 0). xh and inv_std are
// those of the forward, which ran in `mode`.
void batch_norm_backward(BatchNormMode mode, ConstMatrixRef dy, ConstMatrixRef xh,
                         ConstMatrixRef gamma, ConstMatrixRef inv_std, MatrixRef gamma_grad,
                         MatrixRef beta_grad, MatrixRef dx);

void batch_norm_forward_reference(BatchNormMode mode, const BatchNormSettings& settings,
                                  ConstMatrixRef x, ConstMatrixRef gamma, ConstMatrixRef beta,
                                  MatrixRef running_mean, MatrixRef running_var,
                                  MatrixRef inv_std, MatrixRef xh, MatrixRef y);
void batch_norm_backward_reference(BatchNormMode mode, ConstMatrixRef dy, ConstMatrixRef xh,
                                   ConstMatrixRef gamma, ConstMatrixRef inv_std,
                                   MatrixRef gamma_grad, MatrixRef beta_grad, MatrixRef dx);

}  // namespace aekit
