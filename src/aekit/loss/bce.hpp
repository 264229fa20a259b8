#pragma once
// Binary cross-entropy computed from logits z (sigmoid outputs), as PyTorch's
// nn.BCEWithLogitsLoss (reduction 'mean'), stable for saturated outputs:
//   l(z, t) = -t log σ(z) - (1 - t) log(1 - σ(z)) = max(z, 0) - z t + log(1 + e^-|z|)
//   L = 1/(N D) sum l          dL/dz = (σ(z) - t) / (N D)
// Targets t may be any values in [0, 1] (grey levels), not only 0/1.
#include "aekit/tensor/matrix.hpp"

namespace aekit::loss {

double bce_with_logits(ConstMatrixRef z, ConstMatrixRef target);
void bce_with_logits_gradient(ConstMatrixRef z, ConstMatrixRef target, MatrixRef dz);

}  // namespace aekit::loss
