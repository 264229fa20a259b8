// Denormals are flushed to zero on the calling thread and on the thread pool's workers
// (tensor/denormals.hpp): a product with a denormal gives 0, in and out of a job.
#include "aekit/tensor/denormals.hpp"
#include "aekit/tensor/thread_pool.hpp"
#include "support/scoped_threads.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <limits>

namespace aekit {
namespace {

float times_one(float x) {
  volatile float one = 1.0f;  // keeps the compiler from folding the product
  return x * one;
}

TEST(Denormals, AreFlushedToZeroOnEveryThread) {
  const float denormal = std::numeric_limits<float>::denorm_min() * 1000;
  ASSERT_GT(denormal, 0.f);
  ASSERT_LT(denormal, std::numeric_limits<float>::min());
  flush_denormals();
  EXPECT_EQ(times_one(denormal), 0.f);
  EXPECT_EQ(times_one(std::numeric_limits<float>::min()), std::numeric_limits<float>::min())
      << "normal numbers must be untouched";
  // Two parts on two threads; the caller's part waits (up to 10 s) until the pool's worker
  // has run the other, so the worker's mode is tested too.
  test::ScopedThreads two(2);
  std::atomic<int> kept{0};
  std::atomic<bool> worker_ran{false};
  run_parts(2, 2, [&](Index, Index worker) {
    if (times_one(denormal) != 0.f) ++kept;
    if (worker > 0) worker_ran = true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!worker_ran && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  });
  EXPECT_TRUE(worker_ran.load());
  EXPECT_EQ(kept.load(), 0);
}

}  // namespace
}  // namespace aekit
