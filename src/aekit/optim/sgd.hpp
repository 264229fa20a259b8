#pragma once
// Stochastic gradient descent with optional (Nesterov) momentum, as torch.optim.SGD
// (dampening 0):
//   b <- mu b + g                       (b = g at the first step)
//   d  = g + mu b   if nesterov, else b      (d = g without momentum)
//   p <- p - lr d
#include "aekit/optim/optimizer.hpp"

namespace aekit::optim {

class Sgd : public Optimizer {
 public:
  Sgd(double momentum, bool nesterov, double weight_decay)
      : Optimizer(weight_decay), momentum_(momentum), nesterov_(nesterov) {}
  std::vector<std::pair<std::string, Vector*>> state() override;
  void reserve(Index parameter_count) override;

 private:
  void update(std::span<Scalar> params, std::span<const Scalar> grads, double lr) override;
  double momentum_;
  bool nesterov_;
  Vector velocity_;
};

}  // namespace aekit::optim
