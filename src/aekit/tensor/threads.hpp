#pragma once
// How many threads aekit's kernels use (the cores this process may use: tensor/usable_cores.hpp).
#include "aekit/tensor/matrix.hpp"

namespace aekit {

// The number of threads aekit's kernels use; 0 keeps the current count. Also flushes
// denormals to zero on them (tensor/denormals.hpp).
void set_threads(int threads);
int threads();

}  // namespace aekit
