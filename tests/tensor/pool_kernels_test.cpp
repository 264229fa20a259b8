// The pooling kernels agree exactly with their references (the same sums in the same order,
// the same first maximum) on odd image sizes, overlapping windows (stride < k), strides 1, 2
// and 3 (compile-time and run-time strides), one-row batches, inputs that are blocks of wider
// matrices, and a batch large enough to be split over two threads. Inputs take few distinct
// values so that windows have tied maxima.
#include "aekit/tensor/pool_kernels.hpp"

#include <gtest/gtest.h>

#include "support/random_matrix.hpp"
#include "support/scoped_threads.hpp"

namespace aekit {
namespace {

struct PoolCase {
  ConvGeometry geometry;  // padding 0, dilation 1
  Index rows;
};

const PoolCase kPoolCases[] = {
    {{{1, 5, 5}, {2, 2, 0, 1}}, 1},    {{{3, 7, 6}, {3, 1, 0, 1}}, 3},
    {{{2, 9, 8}, {3, 2, 0, 1}}, 2},    {{{2, 10, 7}, {3, 3, 0, 1}}, 1},
    {{{1, 6, 6}, {1, 1, 0, 1}}, 4},    {{{3, 5, 9}, {2, 1, 0, 1}}, 5},
    {{{16, 16, 16}, {2, 2, 0, 1}}, 40},  // split over the threads
};

// [rows, features], entries in {-1, -0.5, ..., 1}.
Matrix quantized(Index rows, Index features, Rng& rng) {
  return ((test::random_matrix(rows, features, -1, 1, rng).array() * 2).round() / 2).matrix();
}

class PoolKernels : public ::testing::TestWithParam<PoolCase> {
 protected:
  const ConvGeometry& g = GetParam().geometry;
  const Index rows = GetParam().rows, inputs = g.image.size(), outputs = g.image.c * g.positions();
  const test::ScopedThreads two_{2};
  Rng rng_{11};
  const Matrix wide_x = quantized(rows, inputs + 3, rng_);
  const ConstMatrixRef x = wide_x.leftCols(inputs);  // rows wider than the image
  const Matrix dy = test::random_matrix(rows, outputs, -1, 1, rng_);
};

TEST_P(PoolKernels, MaxPoolMatchesTheReferenceExactly) {
  Matrix y(rows, outputs), expected_y(rows, outputs);
  ArgmaxMatrix argmax(rows, outputs), expected_argmax(rows, outputs);
  max_pool_forward(g, x, y, argmax);
  max_pool_forward_reference(g, x, expected_y, expected_argmax);
  EXPECT_EQ(y, expected_y);
  EXPECT_EQ(argmax, expected_argmax) << "the first maximum wins ties";

  Matrix dx = Matrix::Constant(rows, inputs, 7), expected_dx(rows, inputs);
  max_pool_backward(g, argmax, dy, dx);
  max_pool_backward_reference(g, x, dy, expected_dx);
  EXPECT_EQ(dx, expected_dx);
}

TEST_P(PoolKernels, AvgPoolMatchesTheReferenceExactly) {
  Matrix y = Matrix::Constant(rows, outputs, 7), expected_y(rows, outputs);
  avg_pool_forward(g, x, y);
  avg_pool_forward_reference(g, x, expected_y);
  EXPECT_EQ(y, expected_y);

  Matrix dx = Matrix::Constant(rows, inputs, 7), expected_dx(rows, inputs);
  avg_pool_backward(g, dy, dx);
  avg_pool_backward_reference(g, dy, expected_dx);
  EXPECT_EQ(dx, expected_dx) << "every pixel sums its windows in the reference's order";
}

INSTANTIATE_TEST_SUITE_P(Shapes, PoolKernels, ::testing::ValuesIn(kPoolCases));

TEST(PoolKernels, ReferencesFollowTheFormulas) {
  const ConvGeometry g{{1, 3, 3}, {2, 1, 0, 1}};  // 2x2 windows, stride 1: a 2x2 grid
  Matrix x(1, 9);
  x << 1, 5, 2,
       5, 0, 3,
       4, 1, 6;
  Matrix y(1, 4), mean(1, 4);
  ArgmaxMatrix argmax(1, 4);
  max_pool_forward_reference(g, x, y, argmax);
  EXPECT_EQ(y, (Matrix(1, 4) << 5, 5, 5, 6).finished());
  EXPECT_EQ(argmax, (ArgmaxMatrix(1, 4) << 1, 1, 3, 8).finished()) << "first maximum on ties";
  avg_pool_forward_reference(g, x, mean);
  EXPECT_EQ(mean, (Matrix(1, 4) << 2.75, 2.5, 2.5, 2.5).finished());

  const Matrix dy = (Matrix(1, 4) << 1, 2, 3, 4).finished();
  Matrix dx(1, 9);
  max_pool_backward_reference(g, x, dy, dx);
  EXPECT_EQ(dx, (Matrix(1, 9) << 0, 3, 0, 3, 0, 0, 0, 0, 4).finished());
  avg_pool_backward_reference(g, dy, dx);
  EXPECT_EQ(dx, (Matrix(1, 9) << 1, 3, 2, 4, 10, 6, 3, 7, 4).finished() / 4);
}

}  // namespace
}  // namespace aekit
