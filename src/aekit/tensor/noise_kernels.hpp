#pragma once
// Gaussian noise added to a batch z[N, H] (Dense's training-time pre-activation noise):
//   z[n, h] += sigma e[n, h],   e ~ N(0, 1) one draw per entry, taken from the Rng in
//                               row-major order (n, then h), rounded to Scalar after scaling
// The draw order is part of the contract: the same Rng gives the same noise, so a training
// run is reproduced bit for bit by any implementation. There is no backward: the noise is a
// constant shift of z, and the layers take f' from their output.
//
// Threads: none. The draws are one sequential stream, so the kernel is one plain loop, and
// it is its own reference (a second copy of the loop would check nothing); its test replays
// the stream from a copy of the Rng instead.
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit {

void add_gaussian_noise(Rng& rng, double sigma, MatrixRef z);

}  // namespace aekit
