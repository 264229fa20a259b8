#pragma once
// Contractive penalty (Rifai et al. 2011) on the first encoder layer h1 = f(a), a = x W^T + b,
// with W[H,D], for a batch x[N,D]:
//
//   J(x_n) = diag(f'(a_n)) W             (dh1/dx, an H x D matrix)
//   ||J(x_n)||_F^2 = sum_j g_nj^2 w_j,   g_nj = f'(a_nj),  w_j = sum_i W_ji^2
//   P = lambda * (1/N) * sum_n ||J(x_n)||_F^2
//
// Gradients, with g' = f''(a) (tensor/activation.hpp; 0 for relu, leaky_relu, identity):
//   dP/dW_ji  (through w_j)  = 2 lambda/N * (sum_n g_nj^2) * W_ji      added to the weight grad
//   dP/da_nj                 = 2 lambda/N * g_nj g'_nj w_j
// The second one reaches W and b through the layer's own backward, which multiplies the
// gradient wrt h1 by g: so accumulate() adds  e_nj = 2 lambda/N * g'_nj w_j  to dL/dh1.
//
// For a one-layer encoder this is exactly lambda ||J_f||_F^2 of the whole encoder. For deeper
// encoders the penalty is on the first layer only (the layer-wise choice of stacked CAEs);
// models/jacobian.hpp measures the whole encoder's Jacobian either way.
#include "aekit/nn/dense.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::models {

// out[N] = ||J(x_n)||_F^2 = sum_j f'(a_nj)^2 w_j for a layer's output h1[N,H] and W[H,D].
void squared_jacobian_norms(Activation f, ConstMatrixRef h1, ConstMatrixRef weight,
                            Eigen::Ref<Vector> out);

struct ContractivePenalty {
  double weight = 0;  // lambda >= 0

  static ContractivePenalty parse(std::string_view text);  // "0.1"; UsageError if bad
  void validate() const;  // UsageError unless lambda is finite and >= 0
  bool active() const { return weight > 0; }

  // P for the layer's last forward (h1[N,H] is its output).
  double value(const nn::Dense& layer, ConstMatrixRef h1);
  // Returns P; adds dP/dW into layer.weight_grad() and e (see above) into dh1[N,H].
  double accumulate(nn::Dense& layer, ConstMatrixRef h1, MatrixRef dh1);

 private:
  Workspace slope_, curvature_;  // g, g' as [N,H]
  RowVector row_norms_, slope_norms_;  // w[1,H], sum_n g^2 [1,H]
};

}  // namespace aekit::models
