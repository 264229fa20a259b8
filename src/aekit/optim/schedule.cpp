#include "aekit/optim/schedule.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"

namespace aekit::optim {

void Schedule::validate() const {
  if (kind != "constant" && kind != "step" && kind != "cosine")
    throw UsageError(fmt::format("unknown schedule '{}': expected constant, step or cosine", kind));
  if (step_size < 1) throw UsageError(fmt::format("step_size must be >= 1, found {}", step_size));
  if (!(gamma > 0 && gamma <= 1))
    throw UsageError(fmt::format("gamma must be in (0, 1], found {}", gamma));
  if (!(min_lr >= 0)) throw UsageError(fmt::format("min_lr must be >= 0, found {}", min_lr));
}

double Schedule::learning_rate(double base_lr, int epoch, int total_epochs) const {
  if (kind == "step") return base_lr * std::pow(gamma, epoch / step_size);
  if (kind == "cosine" && total_epochs > 0)
    return min_lr + (base_lr - min_lr) * (1 + std::cos(M_PI * epoch / total_epochs)) / 2;
  return base_lr;
}

}  // namespace aekit::optim
