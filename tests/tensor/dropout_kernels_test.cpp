// The dropout kernels agree exactly with their references (one draw, one product per entry)
// on odd shapes, one-row batches and inputs that are blocks of wider matrices: the same masks
// drawn from the Rng in the same row-major order (both leave the Rng in the same state), and
// the same products.
#include "aekit/tensor/dropout_kernels.hpp"

#include <gtest/gtest.h>

#include <tuple>

#include "support/random_matrix.hpp"

namespace aekit {
namespace {

struct DropoutCase {
  Index rows, features;
};

const DropoutCase kDropoutCases[] = {{1, 1}, {1, 7}, {3, 5}, {17, 33}, {64, 100}};

class DropoutKernels : public ::testing::TestWithParam<std::tuple<DropoutCase, double>> {};

TEST_P(DropoutKernels, MatchTheReferencesExactly) {
  const auto& [c, p] = GetParam();
  Rng data(13);
  const Matrix wide_x = test::random_matrix(c.rows, c.features + 4, -1, 1, data);
  const ConstMatrixRef x = wide_x.middleCols(2, c.features);
  const Matrix dy = test::random_matrix(c.rows, c.features, -1, 1, data);

  Rng noise(14), reference_noise(14);
  Matrix mask = Matrix::Constant(c.rows, c.features, 7), y = mask;
  Matrix expected_mask(c.rows, c.features), expected_y(c.rows, c.features);
  dropout_forward(noise, p, x, mask, y);
  dropout_forward_reference(reference_noise, p, x, expected_mask, expected_y);
  EXPECT_EQ(mask, expected_mask);
  EXPECT_EQ(y, expected_y);
  EXPECT_EQ(noise.next_u64(), reference_noise.next_u64()) << "one draw per entry";

  Matrix dx = Matrix::Constant(c.rows, c.features, 7), expected_dx(c.rows, c.features);
  dropout_backward(mask, dy, dx);
  dropout_backward_reference(mask, dy, expected_dx);
  EXPECT_EQ(dx, expected_dx);
}

INSTANTIATE_TEST_SUITE_P(Shapes, DropoutKernels,
                         ::testing::Combine(::testing::ValuesIn(kDropoutCases),
                                            ::testing::Values(0.0, 0.3, 0.5, 0.9)));

TEST(DropoutKernels, ReferenceDrawsOneUniformPerEntryInRowMajorOrder) {
  Rng noise(15), replay(15);
  const Matrix x = Matrix::Ones(3, 4);
  Matrix mask(3, 4), y(3, 4);
  dropout_forward_reference(noise, 0.25, x, mask, y);
  for (Index n = 0; n < 3; ++n)
    for (Index d = 0; d < 4; ++d)
      EXPECT_EQ(mask(n, d), replay.uniform() < 0.25 ? Scalar(0) : Scalar(1 / 0.75)) << n << d;
  EXPECT_EQ(y, mask);
}

}  // namespace
}  // namespace aekit
