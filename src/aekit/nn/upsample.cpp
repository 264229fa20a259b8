#include "aekit/nn/upsample.hpp"

#include "aekit/error.hpp"
#include "aekit/nn/conv_config.hpp"

namespace aekit::nn {

Upsample::Upsample(Shape input, Index scale, UpsampleMode mode) : taps_({input, scale, mode}) {}

nlohmann::json Upsample::config() const {
  const UpsampleGeometry& g = taps_.geometry;
  return {{"kind", kind()}, {"input", shape_json(g.input)}, {"scale", g.scale},
          {"mode", g.mode == UpsampleMode::nearest ? "nearest" : "bilinear"}};
}

ConstMatrixRef Upsample::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rows_ = x.rows();
  MatrixMap y = output_.view(rows_, out_features());
  upsample_forward(taps_, x, y);
  return y;
}

ConstMatrixRef Upsample::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.rows() == rows_ && dy.cols() == out_features());
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(rows_, in_features());
  upsample_backward(taps_, dy, dx);
  return dx;
}

}  // namespace aekit::nn
