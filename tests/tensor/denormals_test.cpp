// Denormals are flushed to zero on the calling thread and on OpenMP's threads
// (tensor/denormals.hpp): a product with a denormal gives 0, in and out of a parallel region.
#include "aekit/tensor/denormals.hpp"

#include <gtest/gtest.h>
#include <omp.h>

#include <atomic>
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
  std::atomic<int> kept{0};
#pragma omp parallel
  if (times_one(denormal) != 0.f) ++kept;
  EXPECT_EQ(kept.load(), 0);
}

}  // namespace
}  // namespace aekit
