#include "aekit/nn/activation_layer.hpp"

#include "aekit/error.hpp"

namespace aekit::nn {

nlohmann::json ActivationLayer::config() const {
  return {{"kind", kind()}, {"features", features_},
          {"activation", activation_name(activation_)}};
}

ConstMatrixRef ActivationLayer::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == features_);
  rows_ = x.rows();
  MatrixMap y = output_.view(rows_, features_);
  y = x;
  add_bias_and_activate(activation_, y, MatrixMap(nullptr, 0, 0));
  return y;
}

ConstMatrixRef ActivationLayer::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.rows() == rows_ && dy.cols() == features_);
  MatrixMap dx = input_gradient_.view(rows_, features_);
  multiply_by_derivative(activation_, output_.view(rows_, features_), dy, dx);
  return dx;
}

}  // namespace aekit::nn
