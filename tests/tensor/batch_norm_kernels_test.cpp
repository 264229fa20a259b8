// The batch-norm kernels agree with their references in both modes, on dense features (P = 1),
// odd channel sizes, one-row batches, inputs that are blocks of wider matrices, and a batch
// large enough to split its channels over two threads.
// Not bit for bit: the fast kernels take each channel's sums with Eigen's vectorized
// reductions, the references one value at a time, and float sums of the same values in a
// different order round differently. Every value here is O(1) and a channel sums at most 2560
// of them, so the two sums differ by far less than 1e-6 relative; the statistics, xh, y and dx
// inherit that, and the tolerance below (1e-5 of each result's largest magnitude) leaves a
// wide margin while still catching any wrong term (which would be off by O(1/M) or more).
#include "aekit/tensor/batch_norm_kernels.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "support/random_matrix.hpp"
#include "support/scoped_threads.hpp"

namespace aekit {
namespace {

struct BatchNormCase {
  Index channels, per_channel, rows;
};

const BatchNormCase kCases[] = {
    {4, 1, 7},  {3, 5, 1},  {2, 9, 3}, {5, 7, 2},
    {1, 1, 2},  {8, 64, 40},  // split over the threads
};

constexpr double kRelativeTolerance = 1e-5;

void expect_close(const Matrix& actual, const Matrix& expected, const char* what) {
  ASSERT_EQ(actual.rows(), expected.rows()) << what;
  ASSERT_EQ(actual.cols(), expected.cols()) << what;
  const double scale = std::max(1.0, double(expected.cwiseAbs().maxCoeff()));
  EXPECT_LE(double((actual - expected).cwiseAbs().maxCoeff()), kRelativeTolerance * scale) << what;
}

// Everything a forward and backward pass reads and writes.
struct BatchNormPass {
  Matrix running_mean, running_var, inv_std, xh, y, gamma_grad, beta_grad, dx;
};

class BatchNormKernels
    : public ::testing::TestWithParam<std::tuple<BatchNormCase, BatchNormMode>> {
 protected:
  const BatchNormCase c = std::get<0>(GetParam());
  const BatchNormMode mode = std::get<1>(GetParam());
  const Index features = c.channels * c.per_channel;
  const test::ScopedThreads two_{2};
  Rng rng_{18};
  const Matrix wide_x = test::random_matrix(c.rows, features + 3, -1, 1, rng_);
  const ConstMatrixRef x = wide_x.leftCols(features);
  const Matrix dy = test::random_matrix(c.rows, features, -1, 1, rng_);
  const Matrix gamma = test::random_matrix(1, c.channels, 0.5, 1.5, rng_);
  const Matrix beta = test::random_matrix(1, c.channels, -1, 1, rng_);
  const Matrix running_mean = test::random_matrix(1, c.channels, -0.5, 0.5, rng_);
  const Matrix running_var = test::random_matrix(1, c.channels, 0.5, 2, rng_);
  const Matrix grad_start = test::random_matrix(2, c.channels, -1, 1, rng_);

  template <typename Forward, typename Backward>
  BatchNormPass run(Forward forward, Backward backward) const {
    BatchNormPass pass{running_mean, running_var, Matrix(1, c.channels), Matrix(c.rows, features),
                       Matrix(c.rows, features), grad_start.row(0), grad_start.row(1),
                       Matrix(c.rows, features)};
    forward(mode, BatchNormSettings{0.1, 1e-5}, x, gamma, beta, pass.running_mean,
            pass.running_var, pass.inv_std, pass.xh, pass.y);
    backward(mode, dy, pass.xh, gamma, pass.inv_std, pass.gamma_grad, pass.beta_grad, pass.dx);
    return pass;
  }
};

TEST_P(BatchNormKernels, MatchTheReferencesToATolerance) {
  const BatchNormPass fast = run(batch_norm_forward, batch_norm_backward);
  const BatchNormPass reference = run(batch_norm_forward_reference, batch_norm_backward_reference);
  expect_close(fast.running_mean, reference.running_mean, "running_mean");
  expect_close(fast.running_var, reference.running_var, "running_var");
  expect_close(fast.inv_std, reference.inv_std, "inv_std");
  expect_close(fast.xh, reference.xh, "xh");
  expect_close(fast.y, reference.y, "y");
  expect_close(fast.gamma_grad, reference.gamma_grad, "gamma_grad");
  expect_close(fast.beta_grad, reference.beta_grad, "beta_grad");
  expect_close(fast.dx, reference.dx, "dx");
}

TEST_P(BatchNormKernels, WithoutDxOnlyTheParameterGradientsAccumulate) {
  const BatchNormPass pass = run(batch_norm_forward, batch_norm_backward);
  Matrix gamma_grad = grad_start.row(0), beta_grad = grad_start.row(1);
  batch_norm_backward(mode, dy, pass.xh, gamma, pass.inv_std, gamma_grad, beta_grad,
                      MatrixMap(nullptr, 0, 0));
  EXPECT_EQ(gamma_grad, pass.gamma_grad);
  EXPECT_EQ(beta_grad, pass.beta_grad);
}

INSTANTIATE_TEST_SUITE_P(Shapes, BatchNormKernels,
                         ::testing::Combine(::testing::ValuesIn(kCases),
                                            ::testing::Values(BatchNormMode::training,
                                                              BatchNormMode::inference)));

}  // namespace
}  // namespace aekit
