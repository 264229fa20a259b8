#pragma once
// Scalar quantization of a learned codec's latents y[N, K] with step delta > 0 (the codec's
// quality level sets delta):
//   quantize:            q[n, k] = delta * round(y[n, k] / delta)        (halves away from 0)
//   symbols:             s[n, k] = round(y[n, k] / delta), as integers, what is entropy-coded
//   add_uniform_noise:   y[n, k] += delta * u[n, k],   u ~ U(-1/2, 1/2) one draw per entry in
//                        row-major order (n, then k): the training-time stand-in for rounding
//                        (Balle et al. 2017), whose density is p_y convolved with U(-delta/2,
//                        delta/2) and matches the rounded values' probabilities at the integers
// No backward: rounding is treated as the identity (straight-through), noise as a shift.
// Threads: none (one sequential noise stream; the rounding is one pass); each loop is its own
// reference. Rounding is exact arithmetic on the stored floats, so an encoder and a decoder of
// the same build agree on every symbol.
#include <cstdint>
#include <span>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit {

void quantize(ConstMatrixRef y, double delta, MatrixRef q);
// The symbols of row-major y, appended to `symbols` (y.size() more).
void quantization_symbols(ConstMatrixRef y, double delta, std::span<std::int32_t> symbols);
// y[n, k] = delta * symbols[n K + k].
void dequantize(std::span<const std::int32_t> symbols, double delta, MatrixRef y);
void add_uniform_noise(Rng& rng, double delta, MatrixRef y);

}  // namespace aekit
