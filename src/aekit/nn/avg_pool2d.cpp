#include "aekit/nn/avg_pool2d.hpp"

#include "aekit/error.hpp"
#include "aekit/tensor/pool_kernels.hpp"

namespace aekit::nn {

ConstMatrixRef AvgPool2d::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rows_ = x.rows();
  MatrixMap y = output_.view(rows_, out_features());
  avg_pool_forward(geometry_, x, y);
  return y;
}

ConstMatrixRef AvgPool2d::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.rows() == rows_ && dy.cols() == out_features());
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(rows_, in_features());
  avg_pool_backward(geometry_, dy, dx);
  return dx;
}

}  // namespace aekit::nn
