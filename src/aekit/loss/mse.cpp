#include "aekit/loss/mse.hpp"

#include "aekit/error.hpp"

namespace aekit::loss {

double mse(ConstMatrixRef y, ConstMatrixRef target) {
  AEKIT_ASSERT(y.rows() == target.rows() && y.cols() == target.cols());
  return double((y - target).squaredNorm()) / double(y.size());
}

void mse_gradient(ConstMatrixRef y, ConstMatrixRef target, MatrixRef dy) {
  AEKIT_ASSERT(y.rows() == target.rows() && y.cols() == target.cols());
  dy = (Scalar(2) / Scalar(y.size())) * (y - target);
}

}  // namespace aekit::loss
