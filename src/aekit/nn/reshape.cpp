#include "aekit/nn/reshape.hpp"

#include "aekit/error.hpp"
#include "aekit/nn/conv_config.hpp"

namespace aekit::nn {

Reshape::Reshape(Shape from, Shape to) : from_(from), to_(to) {
  AEKIT_ASSERT(from.size() == to.size() && from.size() > 0);
}

nlohmann::json Reshape::config() const {
  return {{"kind", kind()}, {"from", shape_json(from_)}, {"to", shape_json(to_)}};
}

// Copies (rather than returning x itself) keep the contract: the output is a buffer the layer
// owns, valid until its next forward, whatever happens to x.
ConstMatrixRef Reshape::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  MatrixMap y = output_.view(x.rows(), out_features());
  y = x;
  return y;
}

ConstMatrixRef Reshape::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.cols() == out_features());
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(dy.rows(), in_features());
  dx = dy;
  return dx;
}

}  // namespace aekit::nn
