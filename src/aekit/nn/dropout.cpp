#include "aekit/nn/dropout.hpp"

#include "aekit/error.hpp"
#include "aekit/tensor/dropout_kernels.hpp"

namespace aekit::nn {

Dropout::Dropout(Index features, double p) : features_(features), p_(p) {
  AEKIT_ASSERT(features > 0 && p >= 0 && p < 1);
}

nlohmann::json Dropout::config() const {
  return {{"kind", kind()}, {"features", features_}, {"p", p_}};
}

ConstMatrixRef Dropout::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == features_);
  MatrixMap y = output_.view(x.rows(), features_);
  dropped_ = noise_ != nullptr && p_ > 0;
  if (!dropped_) {
    y = x;
    return y;
  }
  dropout_forward(*noise_, p_, x, mask_.view(x.rows(), features_), y);
  return y;
}

ConstMatrixRef Dropout::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.cols() == features_);
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(dy.rows(), features_);
  if (dropped_)
    dropout_backward(mask_.view(dy.rows(), features_), dy, dx);
  else
    dx = dy;
  return dx;
}

}  // namespace aekit::nn
