#pragma once
// Mean squared error over all N*D entries, as PyTorch's nn.MSELoss (reduction 'mean'):
//   L = 1/(N D) sum_nd (y_nd - t_nd)^2          dL/dy = 2 (y - t) / (N D)
#include "aekit/tensor/matrix.hpp"

namespace aekit::loss {

double mse(ConstMatrixRef y, ConstMatrixRef target);
void mse_gradient(ConstMatrixRef y, ConstMatrixRef target, MatrixRef dy);

}  // namespace aekit::loss
