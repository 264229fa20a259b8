// Finite-difference check of Conv2d over the shared geometries (double precision build).
#include "aekit/nn/conv2d.hpp"

#include <gtest/gtest.h>

#include "support/conv_cases.hpp"
#include "support/gradient_check.hpp"
#include "support/scoped_threads.hpp"

namespace aekit::nn {
namespace {

class Conv2dGradients : public ::testing::TestWithParam<test::ConvCase> {};

TEST_P(Conv2dGradients, MatchFiniteDifferences) {
  const auto& c = GetParam();
  Conv2d layer(c.input, c.out_channels, c.kernel, Activation::tanh);
  const auto check = test::check_layer(layer, 3, 17);
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(Shapes, Conv2dGradients, ::testing::ValuesIn(test::kConvCases),
                         test::ConvCaseName());

// A batch large enough to be cut into parts (tensor/batch_parts.hpp), on two threads.
TEST(Conv2dGradientsSplit, MatchFiniteDifferences) {
  const test::ScopedThreads two(2);
  Conv2d layer({2, 14, 14}, 3, {3, 1, 1, 1}, Activation::tanh);
  // The loss sums over more rows: its rounding, and so the numeric gradient's error, grows.
  const auto check = test::check_layer(layer, 16, 17, -1, 1, {1e-6, 1e-6, 2e-8});
  EXPECT_TRUE(check.ok) << check.report;
}

}  // namespace
}  // namespace aekit::nn
