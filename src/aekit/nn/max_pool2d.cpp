#include "aekit/nn/max_pool2d.hpp"

#include "aekit/error.hpp"
#include "aekit/tensor/pool_kernels.hpp"

namespace aekit::nn {

MaxPool2d::MaxPool2d(Shape input, Index kernel, Index stride) : Pool2d(input, kernel, stride) {
  AEKIT_ASSERT(input.size() <= INT32_MAX);  // argmax_ holds 32-bit feature indices
}

ConstMatrixRef MaxPool2d::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rows_ = x.rows();
  const Index outputs = out_features();
  // Grows only past the largest batch so far (resize keeps the capacity).
  if (argmax_.size() < std::size_t(rows_ * outputs)) argmax_.resize(rows_ * outputs);
  MatrixMap y = output_.view(rows_, outputs);
  max_pool_forward(geometry_, x, y, ArgmaxMap(argmax_.data(), rows_, outputs));
  return y;
}

ConstMatrixRef MaxPool2d::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.rows() == rows_ && dy.cols() == out_features());
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(rows_, in_features());
  max_pool_backward(geometry_, ConstArgmaxMap(argmax_.data(), rows_, out_features()), dy, dx);
  return dx;
}

}  // namespace aekit::nn
