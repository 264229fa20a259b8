#pragma once
// Reshape: the same C*H*W values read under another Shape (Flatten: to {1, 1, C*H*W}).
// Rows are stored flat and channel-major, so nothing moves: y = x, dx = dy. The layer
// records the change of shape between, e.g., a Conv2d stack and a Dense code layer.
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class Reshape : public Layer {
 public:
  Reshape(Shape from, Shape to);  // from.size() == to.size()
  static Reshape flatten(Shape from) { return Reshape(from, {1, 1, from.size()}); }

  std::string kind() const override { return "reshape"; }
  Index in_features() const override { return from_.size(); }
  Index out_features() const override { return to_.size(); }
  nlohmann::json config() const override;

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  Shape output_shape() const { return to_; }

 private:
  Shape from_, to_;
  Workspace output_, input_gradient_;
};

}  // namespace aekit::nn
