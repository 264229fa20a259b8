#pragma once
// How many threads aekit's kernels use, and how many cores this process may use.
#include "aekit/tensor/matrix.hpp"

namespace aekit {

// The number of threads aekit's kernels use; 0 keeps the current count. Also flushes
// denormals to zero on them (tensor/denormals.hpp).
void set_threads(int threads);
int threads();
// The cores this process may run on (its CPU affinity), which `threads` should not exceed.
int usable_cores();

}  // namespace aekit
