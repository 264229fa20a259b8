// Finite-difference check of AvgPool2d (double build): non-overlapping square windows and
// overlapping windows on a non-square image.
#include "aekit/nn/avg_pool2d.hpp"

#include <gtest/gtest.h>

#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

TEST(AvgPool2dGradients, MatchFiniteDifferences) {
  AvgPool2d square({2, 6, 6}, 2, 2);
  const auto check = test::check_layer(square, 3, 31);
  EXPECT_TRUE(check.ok) << check.report;
  AvgPool2d overlapping({2, 7, 5}, 3, 1);
  const auto check2 = test::check_layer(overlapping, 3, 37);
  EXPECT_TRUE(check2.ok) << check2.report;
}

}  // namespace
}  // namespace aekit::nn
