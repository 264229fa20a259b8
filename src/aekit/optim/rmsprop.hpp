#pragma once
// RMSProp as torch.optim.RMSprop (not centered, no momentum):
//   v <- alpha v + (1 - alpha) g^2          p <- p - lr g / (sqrt(v) + eps)
#include "aekit/optim/optimizer.hpp"

namespace aekit::optim {

class RmsProp : public Optimizer {
 public:
  RmsProp(double alpha, double eps, double weight_decay)
      : Optimizer(weight_decay), alpha_(alpha), eps_(eps) {}
  std::vector<std::pair<std::string, Vector*>> state() override;
  void reserve(Index parameter_count) override;

 private:
  void update(std::span<Scalar> params, std::span<const Scalar> grads, double lr) override;
  double alpha_, eps_;
  Vector v_;
};

}  // namespace aekit::optim
