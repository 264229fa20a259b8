#pragma once
// Mean squared error over all N*D entries, as PyTorch's nn.MSELoss (reduction 'mean'):
//   L = 1/(N D) sum_nd (y_nd - t_nd)^2          dL/dy = 2 (y - t) / (N D)
#include "aekit/tensor/matrix.hpp"

namespace aekit::loss {

double mse(ConstMatrixRef y, ConstMatrixRef target);
void mse_gradient(ConstMatrixRef y, ConstMatrixRef target, MatrixRef dy);

// Sum over entries of (y - t)^2 per row: [N] vector, for per-sample scores.
Vector squared_error_per_row(ConstMatrixRef y, ConstMatrixRef target);

}  // namespace aekit::loss
