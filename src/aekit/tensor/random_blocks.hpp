#pragma once
// Random numbers for a whole batch, drawn in parallel yet reproducibly (the corruption of a
// denoising autoencoder, an RBM's Gibbs samples). One 64-bit number taken from the caller's
// Rng seeds the call; the rows are cut into blocks of kRandomBlockRows, and block b draws
// from its own stream Rng(seed ^ (b + 1) * 0x9e3779b97f4a7c15), its rows in order, each row in
// segments of at most kRandomSegment entries. The numbers therefore depend on the seed and the
// shape only, never on the thread count, and a resumed run draws the same ones.
//   fill_uniform  u[m] in (0, 1): two per 64-bit draw, 24 bits each (exact in float)
//   fill_normal   e[m] ~ N(0, 1): Box-Muller on halves of u (vectorized log, sqrt, sin, cos):
//                 r = sqrt(-2 log u_a), e_a = r cos(2 pi u_b), e_b = r sin(2 pi u_b)
#include <algorithm>
#include <cstdint>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"
#include "aekit/tensor/thread_pool.hpp"
#include "aekit/tensor/threads.hpp"

namespace aekit {

inline constexpr Index kRandomBlockRows = 16;
inline constexpr Index kRandomSegment = 1024;
// Below this many entries a call runs on the calling thread (a parallel region costs more).
inline constexpr Index kRandomParallelEntries = Index(1) << 15;

void fill_uniform(Rng& rng, Scalar* u, Index m);
void fill_normal(Rng& rng, Scalar* e, Index m);

// Calls segment(block_rng, row, column, count) for every segment of a rows x cols batch, the
// blocks spread over aekit's threads (see above).
template <typename Segment>
void for_random_segments(Rng& rng, Index rows, Index cols, const Segment& segment) {
  const std::uint64_t seed = rng.next_u64();
  const Index blocks = (rows + kRandomBlockRows - 1) / kRandomBlockRows;
  const auto run_block = [&](Index b) {
    Rng block_rng(seed ^ (std::uint64_t(b + 1) * 0x9e3779b97f4a7c15ULL));
    for (Index r = b * kRandomBlockRows; r < std::min(rows, (b + 1) * kRandomBlockRows); ++r)
      for (Index c = 0; c < cols; c += kRandomSegment) segment(block_rng, r, c, std::min(kRandomSegment, cols - c));
  };
  // With too little work, no job (starting one costs more).
  const Index team = rows * cols < kRandomParallelEntries ? 1 : threads();
  run_parts(blocks, team, [&](Index b, Index) { run_block(b); });
}

// Every entry of the row-major m[N,K] drawn from N(0, 1) by for_random_segments (a VAE's eps,
// its prior codes).
void fill_normal(Rng& rng, MatrixRef m);

}  // namespace aekit
