// Gaussian noise: z[n, h] gains Scalar(sigma e) with e the Rng's next normal draw, entries
// taken in row-major order, on odd shapes, one-row batches and a block of a wider matrix
// (whose other columns stay untouched). The kernel is its own reference (see the header), so
// the test replays the stream from a copy of the Rng.
#include "aekit/tensor/noise_kernels.hpp"

#include <gtest/gtest.h>

#include "support/random_matrix.hpp"

namespace aekit {
namespace {

struct NoiseCase {
  Index rows, cols;
  double sigma;
};

class NoiseKernels : public ::testing::TestWithParam<NoiseCase> {};

TEST_P(NoiseKernels, AddsTheNextNormalDrawsInRowMajorOrder) {
  const NoiseCase c = GetParam();
  Rng data(16);
  const Matrix before = test::random_matrix(c.rows, c.cols + 3, -1, 1, data);
  Matrix z = before;
  Rng noise(17), replay(17);
  add_gaussian_noise(noise, c.sigma, z.middleCols(1, c.cols));
  for (Index n = 0; n < c.rows; ++n)
    for (Index h = 0; h < c.cols; ++h)
      EXPECT_EQ(z(n, 1 + h), before(n, 1 + h) + Scalar(c.sigma * replay.normal())) << n << h;
  EXPECT_EQ(z.col(0), before.col(0));
  EXPECT_EQ(z.rightCols(2), before.rightCols(2));
  EXPECT_EQ(noise.normal(), replay.normal()) << "one draw per entry";
}

INSTANTIATE_TEST_SUITE_P(Shapes, NoiseKernels,
                         ::testing::Values(NoiseCase{1, 1, 0.5}, NoiseCase{1, 7, 1.0},
                                           NoiseCase{3, 5, 2.0}, NoiseCase{17, 33, 0.1},
                                           NoiseCase{4, 8, 0.0}));

}  // namespace
}  // namespace aekit
