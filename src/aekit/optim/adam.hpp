#pragma once
// Adam (Kingma & Ba 2015) as torch.optim.Adam (amsgrad off), step t = 1, 2, ...:
//   m <- b1 m + (1 - b1) g          v <- b2 v + (1 - b2) g^2
//   p <- p - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
#include "aekit/optim/optimizer.hpp"

namespace aekit::optim {

class Adam : public Optimizer {
 public:
  Adam(double beta1, double beta2, double eps, double weight_decay)
      : Optimizer(weight_decay), beta1_(beta1), beta2_(beta2), eps_(eps) {}
  std::vector<std::pair<std::string, Vector*>> state() override;
  void reserve(Index parameter_count) override;

 private:
  void update(std::span<Scalar> params, std::span<const Scalar> grads, double lr) override;
  double beta1_, beta2_, eps_;
  Vector m_, v_;
};

}  // namespace aekit::optim
