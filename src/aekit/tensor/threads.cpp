#include "aekit/tensor/threads.hpp"

#include <sched.h>

#include <memory>

#include "aekit/tensor/denormals.hpp"
#include "aekit/tensor/thread_pool.hpp"

namespace aekit {
namespace {

std::unique_ptr<ThreadPool>& pool_slot() {
  static std::unique_ptr<ThreadPool> pool;
  return pool;
}

}  // namespace

ThreadPool& thread_pool() {
  auto& pool = pool_slot();
  if (!pool) pool = std::make_unique<ThreadPool>(usable_cores());
  return *pool;
}

void set_threads(int threads) {
  auto& pool = pool_slot();
  if (threads > 0 && (!pool || pool->size() != threads)) {
    pool.reset();
    pool = std::make_unique<ThreadPool>(threads);
  }
  flush_denormals();
}

int threads() { return thread_pool().size(); }

int usable_cores() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 1;
  return std::max(1, CPU_COUNT(&set));
}

}  // namespace aekit
