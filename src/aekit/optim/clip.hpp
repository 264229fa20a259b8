#pragma once
// Gradient-norm clipping over the whole flat gradient, as torch.nn.utils.clip_grad_norm_:
//   n = ||g||_2;  if n > max_norm:  g <- g * max_norm / (n + 1e-6)
#include <span>

#include "aekit/tensor/matrix.hpp"

namespace aekit::optim {

// Returns the norm before clipping. max_norm <= 0 disables clipping (norm still returned).
double clip_gradient_norm(std::span<Scalar> grads, double max_norm);

}  // namespace aekit::optim
