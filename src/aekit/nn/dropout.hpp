#pragma once
// Inverted dropout (Srivastava et al. 2014), as PyTorch's nn.Dropout(p):
//   training:   m_i ~ Bernoulli(1 - p),  y = x ⊙ m / (1 - p)     backward: dx = dy ⊙ m / (1 - p)
//   inference:  y = x                                             (set_training(nullptr))
// A fresh mask is drawn for every forward while training, from the Rng set_training gave
// (tensor/dropout_kernels.hpp).
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class Dropout : public Layer {
 public:
  Dropout(Index features, double p);  // p in [0, 1)

  std::string kind() const override { return "dropout"; }
  Index in_features() const override { return features_; }
  Index out_features() const override { return features_; }
  nlohmann::json config() const override;

  void set_training(Rng* noise) override { noise_ = noise; }
  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

 private:
  Index features_;
  double p_;
  Rng* noise_ = nullptr;
  bool dropped_ = false;  // whether the last forward applied a mask
  Workspace mask_, output_, input_gradient_;  // mask holds 0 or 1 / (1 - p)
};

}  // namespace aekit::nn
