// Random draws of a batch in blocks (tensor/random_blocks.hpp): the same numbers for any
// thread count, uniforms in (0, 1), normals with mean 0 and variance 1, and each call taking
// one number from the caller's stream.
#include "aekit/tensor/random_blocks.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/tensor/threads.hpp"

namespace aekit {
namespace {

// A rows x cols batch of normals drawn through for_random_segments.
Matrix normal_batch(Index rows, Index cols, std::uint64_t seed) {
  Matrix out(rows, cols);
  Rng rng(seed);
  for_random_segments(rng, rows, cols, [&](Rng& block, Index r, Index c, Index m) {
    fill_normal(block, out.row(r).data() + c, m);
  });
  return out;
}

TEST(RandomBlocks, TheSameDrawsForAnyThreadCount) {
  const int before = threads();
  set_threads(1);
  const Matrix one = normal_batch(100, 1500, 7);  // rows x cols above the parallel threshold
  set_threads(2);
  const Matrix two = normal_batch(100, 1500, 7);
  set_threads(before);
  EXPECT_EQ(one, two);
  EXPECT_NE(one, normal_batch(100, 1500, 8));
}

TEST(RandomBlocks, UniformsInTheOpenIntervalAndStandardNormals) {
  Rng rng(3);
  std::vector<Scalar> u(10001);
  fill_uniform(rng, u.data(), Index(u.size()));
  double sum = 0;
  for (const Scalar v : u) {
    EXPECT_GT(v, 0);
    EXPECT_LT(v, 1);
    sum += v;
  }
  EXPECT_NEAR(sum / double(u.size()), 0.5, 0.01);
  const Matrix e = normal_batch(64, 1000, 4);
  const double mean = double(e.mean()), variance = double((e.array() - Scalar(mean)).square().mean());
  EXPECT_NEAR(mean, 0, 0.01);
  EXPECT_NEAR(variance, 1, 0.02);
}

TEST(RandomBlocks, ACallTakesOneNumberFromTheCallersStream) {
  Rng rng(5), reference(5);
  for_random_segments(rng, 40, 10, [](Rng&, Index, Index, Index) {});
  reference.next_u64();
  EXPECT_EQ(rng.next_u64(), reference.next_u64());
}

}  // namespace
}  // namespace aekit
