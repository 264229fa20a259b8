#include "aekit/models/rbm/rbm_training.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::models {

void RbmTraining::validate() const {
  if (cd_steps < 1) throw UsageError(fmt::format("cd_steps: expected >= 1 Gibbs step, found {}", cd_steps));
  if (!(sparsity_target >= 0 && sparsity_target < 1))
    throw UsageError(fmt::format("sparsity_target: expected 0 (off) or a mean activation in (0, 1), "
                                 "found {}", sparsity_target));
  if (!(sparsity_cost >= 0))
    throw UsageError(fmt::format("sparsity_cost: expected >= 0, found {}", sparsity_cost));
  if (batch < 1) throw UsageError(fmt::format("batch: an RBM trains on minibatches (>= 1 row), found {}", batch));
}

}  // namespace aekit::models
