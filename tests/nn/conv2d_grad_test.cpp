// Finite-difference check of Conv2d over the shared geometries (double precision build).
#include "aekit/nn/conv2d.hpp"

#include <gtest/gtest.h>

#include "support/conv_cases.hpp"
#include "support/gradient_check.hpp"

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

}  // namespace
}  // namespace aekit::nn
