#pragma once
// A stand-alone activation layer y = f(x), for chains where no Dense precedes it
// (Dense fuses its own activation, which is faster). Backward: dx = dy ⊙ f'(y).
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class ActivationLayer : public Layer {
 public:
  ActivationLayer(Index features, Activation activation)
      : features_(features), activation_(activation) {}

  std::string kind() const override { return "activation"; }
  Index in_features() const override { return features_; }
  Index out_features() const override { return features_; }
  nlohmann::json config() const override;

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

 private:
  Index features_;
  Activation activation_;
  Index rows_ = 0;
  Workspace output_, input_gradient_;
};

}  // namespace aekit::nn
