// Finite-difference check of Upsample in both modes on a non-square image (double build).
#include "aekit/nn/upsample.hpp"

#include <gtest/gtest.h>

#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

class UpsampleGradients : public ::testing::TestWithParam<UpsampleMode> {};

TEST_P(UpsampleGradients, MatchFiniteDifferences) {
  Upsample layer({2, 3, 4}, 3, GetParam());
  const auto check = test::check_layer(layer, 3, 31);
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(Modes, UpsampleGradients,
                         ::testing::Values(UpsampleMode::nearest, UpsampleMode::bilinear));

}  // namespace
}  // namespace aekit::nn
