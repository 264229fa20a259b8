// The upsampling kernels (tap tables) agree exactly with their references (every tap from the
// formula) in both modes, on odd sizes, a one-pixel-high image (hi clamps to lo), scales 1 to
// 3, one-row batches, inputs that are blocks of wider matrices, and a batch large enough to be
// split over two threads: the same products summed in the same order.
#include "aekit/tensor/upsample_kernels.hpp"

#include <gtest/gtest.h>

#include <tuple>

#include "support/random_matrix.hpp"
#include "support/scoped_threads.hpp"

namespace aekit {
namespace {

struct UpsampleCase {
  Shape input;
  Index scale, rows;
};

const UpsampleCase kUpsampleCases[] = {
    {{1, 2, 2}, 2, 1}, {{3, 5, 7}, 3, 3}, {{2, 1, 3}, 2, 2},
    {{1, 4, 5}, 1, 1}, {{2, 3, 3}, 2, 5}, {{8, 12, 10}, 2, 40},  // split over the threads
};

class UpsampleKernels
    : public ::testing::TestWithParam<std::tuple<UpsampleCase, UpsampleMode>> {};

TEST_P(UpsampleKernels, MatchTheReferencesExactly) {
  const auto& [c, mode] = GetParam();
  const UpsampleGeometry g{c.input, c.scale, mode};
  const Index inputs = g.input.size(), outputs = g.output().size();
  const test::ScopedThreads two(2);
  Rng rng(12);
  const Matrix wide_x = test::random_matrix(c.rows, inputs + 2, -1, 1, rng);
  const ConstMatrixRef x = wide_x.rightCols(inputs);
  const Matrix dy = test::random_matrix(c.rows, outputs, -1, 1, rng);

  const UpsampleTaps taps(g);
  Matrix y = Matrix::Constant(c.rows, outputs, 7), expected_y(c.rows, outputs);
  upsample_forward(taps, x, y);
  upsample_forward_reference(g, x, expected_y);
  EXPECT_EQ(y, expected_y);

  Matrix dx = Matrix::Constant(c.rows, inputs, 7), expected_dx(c.rows, inputs);
  upsample_backward(taps, dy, dx);
  upsample_backward_reference(g, dy, expected_dx);
  EXPECT_EQ(dx, expected_dx);
}

INSTANTIATE_TEST_SUITE_P(Shapes, UpsampleKernels,
                         ::testing::Combine(::testing::ValuesIn(kUpsampleCases),
                                            ::testing::Values(UpsampleMode::nearest,
                                                              UpsampleMode::bilinear)));

TEST(UpsampleKernels, TapsFollowTheFormula) {
  // Bilinear, s = 2, extent 3: u = max((t + 0.5) / 2 - 0.5, 0) = 0, 0.25, 0.75, 1.25, 1.75, 2.25.
  const UpsampleGeometry bilinear{{1, 3, 3}, 2, UpsampleMode::bilinear};
  const Index lo[] = {0, 0, 0, 1, 1, 2}, hi[] = {1, 1, 1, 2, 2, 2};
  const Scalar f[] = {0, 0.25, 0.75, 0.25, 0.75, 0.25};
  for (Index t = 0; t < 6; ++t) {
    const UpsampleTap tap = upsample_tap(bilinear, t, 3);
    EXPECT_EQ(tap.lo, lo[t]) << t;
    EXPECT_EQ(tap.hi, hi[t]) << t;
    EXPECT_EQ(tap.f, f[t]) << t;
  }
  const UpsampleTap nearest = upsample_tap({{1, 3, 3}, 3, UpsampleMode::nearest}, 7, 3);
  EXPECT_EQ(nearest.lo, 2);
  EXPECT_EQ(nearest.hi, 2);
  EXPECT_EQ(nearest.f, 0);
}

}  // namespace
}  // namespace aekit
