#include "aekit/tensor/threads.hpp"

#include <omp.h>

#include "aekit/tensor/denormals.hpp"

namespace aekit {

void set_threads(int threads) {
  if (threads > 0) omp_set_num_threads(threads);
  flush_denormals();
}

int threads() { return omp_get_max_threads(); }

}  // namespace aekit
