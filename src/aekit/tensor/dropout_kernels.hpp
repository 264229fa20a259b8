#pragma once
// Inverted dropout (Srivastava et al. 2014) of a batch x[N, D], drop probability p in [0, 1):
//   mask[n, d] = 0 if u < p else 1 / (1 - p),   u ~ U[0, 1) one draw per entry, taken from
//                                               the Rng in row-major order (n, then d)
//   forward:   y = x ⊙ mask
//   backward:  dx = dy ⊙ mask
// The draw order is part of the contract: the same Rng gives the same masks, so a training
// run is reproduced bit for bit by any implementation.
//
// Threads: none. The draws are one sequential stream, and a multiply is a single cheap pass.
// The fast forward draws the whole mask in one tight loop and then multiplies in one
// vectorized pass; the references do everything one entry at a time. A product is rounded
// once however it is scheduled, so the two agree exactly.
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit {

// Draws mask[N, D] (overwritten) and writes y = x ⊙ mask.
void dropout_forward(Rng& rng, double p, ConstMatrixRef x, MatrixRef mask, MatrixRef y);
// dx = dy ⊙ mask, with the mask of the forward.
void dropout_backward(ConstMatrixRef mask, ConstMatrixRef dy, MatrixRef dx);

void dropout_forward_reference(Rng& rng, double p, ConstMatrixRef x, MatrixRef mask, MatrixRef y);
void dropout_backward_reference(ConstMatrixRef mask, ConstMatrixRef dy, MatrixRef dx);

}  // namespace aekit
