// Finite-difference check of ConvTranspose2d over the shared geometries (double build).
#include "aekit/nn/conv_transpose2d.hpp"

#include <gtest/gtest.h>

#include "support/conv_cases.hpp"
#include "support/gradient_check.hpp"

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

}  // namespace
}  // namespace aekit::nn
