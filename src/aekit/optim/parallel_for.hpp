#pragma once
// The element-wise loop of every optimizer update: body(i) for i in [0, n).
//
// It runs on aekit's threads (tensor/thread_pool.hpp) in chunks of kParallelChunk elements
// only when there are at least kParallelMinimumSize elements and more than one thread.
// Otherwise it runs inline: starting a job costs more than a small loop. Each element is
// computed alone, so the chunks change no result.
#include <algorithm>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/thread_pool.hpp"
#include "aekit/tensor/threads.hpp"

namespace aekit::optim {

inline constexpr Index kParallelMinimumSize = Index(1) << 16;
inline constexpr Index kParallelChunk = Index(1) << 14;

template <typename Body>
void parallel_for(Index n, Body body) {
  if (n < kParallelMinimumSize || threads() == 1) {
#pragma omp simd
    for (Index i = 0; i < n; ++i) body(i);
    return;
  }
  run_parts((n + kParallelChunk - 1) / kParallelChunk, threads(), [&](Index chunk, Index) {
    const Index end = std::min(n, (chunk + 1) * kParallelChunk);
#pragma omp simd
    for (Index i = chunk * kParallelChunk; i < end; ++i) body(i);
  });
}

}  // namespace aekit::optim
