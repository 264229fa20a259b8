#pragma once
// The element-wise loop of every optimizer update: body(i) for i in [0, n).
//
// It runs on the OpenMP threads only when there are at least kParallelMinimumSize elements
// and more than one thread. Otherwise it runs inline, outside any parallel region: forking a
// team costs more than a small loop (far more when the cores are busy), and libgomp
// allocates a fresh team for every one-thread region, which would break the promise that a
// training step allocates nothing.
#include <omp.h>

#include "aekit/tensor/matrix.hpp"

namespace aekit::optim {

inline constexpr Index kParallelMinimumSize = Index(1) << 16;

template <typename Body>
void parallel_for(Index n, Body body) {
  if (n < kParallelMinimumSize || omp_get_max_threads() == 1) {
#pragma omp simd
    for (Index i = 0; i < n; ++i) body(i);
    return;
  }
#pragma omp parallel for simd schedule(static)
  for (Index i = 0; i < n; ++i) body(i);
}

}  // namespace aekit::optim
