#include "aekit/tensor/threads.hpp"

#include <memory>

#include "aekit/tensor/denormals.hpp"
#include "aekit/tensor/thread_pool.hpp"
#include "aekit/tensor/usable_cores.hpp"

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

}  // namespace aekit
