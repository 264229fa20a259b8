#pragma once
// How an RBM is trained (rbm_step.hpp): contrastive divergence and its options.
//   cd_steps          k Gibbs steps from the data (CD-k) or from the persistent chains (PCD)
//   persistent        PCD (Tieleman 2008): one chain per row of a minibatch, kept across
//                     minibatches and epochs (in checkpoints), instead of restarting at the data
//   sparsity_target   p in (0, 1), 0 = off: the hidden units' mean activation q (a running
//                     mean, q <- 0.9 q + 0.1 mean(p(h|v)) per minibatch) is pulled toward p by
//                     adding sparsity_cost (q - p) to the hidden biases' gradient and
//                     sparsity_cost (q - p)^T mean(v) to the weights' (Hinton's guide, s. 11)
// Momentum and weight decay are the optimizer's (weight decay on W only, not the biases).
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct RbmTraining {
  int cd_steps = 1;
  bool persistent = false;
  double sparsity_target = 0;
  double sparsity_cost = 0.1;
  Index batch = 100;  // the largest minibatch: the number of persistent chains

  // UsageError naming the setting unless cd_steps >= 1, 0 <= sparsity_target < 1,
  // sparsity_cost >= 0, batch >= 1.
  void validate() const;
};

}  // namespace aekit::models
