// Finite-difference check of ConvTranspose2d over the shared geometries (double build).
#include "aekit/nn/conv_transpose2d.hpp"

#include <gtest/gtest.h>

#include "support/conv_cases.hpp"
#include "support/gradient_check.hpp"
#include "support/scoped_threads.hpp"

namespace aekit::nn {
namespace {

class ConvTranspose2dGradients : public ::testing::TestWithParam<test::ConvCase> {};

TEST_P(ConvTranspose2dGradients, MatchFiniteDifferences) {
  const auto& c = GetParam();
  ConvTranspose2d layer(test::conv_output(c), c.input.c, c.kernel, test::output_padding(c),
                        Activation::tanh);
  const auto check = test::check_layer(layer, 3, 19);
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(Shapes, ConvTranspose2dGradients,
                         ::testing::ValuesIn(test::kConvCases), test::ConvCaseName());

// A batch large enough to be cut into parts (tensor/batch_parts.hpp), on two threads.
TEST(ConvTranspose2dGradientsSplit, MatchFiniteDifferences) {
  const test::ScopedThreads two(2);
  ConvTranspose2d layer({4, 8, 8}, 3, {3, 2, 1, 1}, 1, Activation::tanh);
  // The loss sums over more rows: its rounding, and so the numeric gradient's error, grows.
  const auto check = test::check_layer(layer, 20, 19, -1, 1, {1e-6, 1e-6, 2e-8});
  EXPECT_TRUE(check.ok) << check.report;
}

}  // namespace
}  // namespace aekit::nn
