#pragma once
// Learning-rate schedules, evaluated per epoch e = 0, 1, ..., E-1:
//   constant  lr(e) = lr0
//   step      lr(e) = lr0 * gamma^floor(e / step_size)         (torch StepLR)
//   cosine    lr(e) = min + (lr0 - min) (1 + cos(pi e / E)) / 2 (torch CosineAnnealingLR, T_max = E)
#include <string>

namespace aekit::optim {

struct Schedule {
  std::string kind = "constant";  // constant | step | cosine
  int step_size = 10;             // step: epochs between decays
  double gamma = 0.1;             // step: decay factor
  double min_lr = 0.0;            // cosine: final learning rate

  void validate() const;  // throws UsageError on impossible values
  double learning_rate(double base_lr, int epoch, int total_epochs) const;
};

}  // namespace aekit::optim
