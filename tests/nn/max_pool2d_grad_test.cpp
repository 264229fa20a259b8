// Finite-difference check of MaxPool2d (double build). Inputs spread over [-100, 100] keep
// every window's maximum far further from the runner-up than the finite-difference step;
// the larger step (max pooling is piecewise linear, so it is exact) keeps rounding small
// next to inputs of that size.
#include "aekit/nn/max_pool2d.hpp"

#include <gtest/gtest.h>

#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

constexpr test::Tolerance kWideInputs{.step = 1e-3};

TEST(MaxPool2dGradients, MatchFiniteDifferences) {
  MaxPool2d square({2, 6, 6}, 2, 2);
  const auto check = test::check_layer(square, 3, 23, -100, 100, kWideInputs);
  EXPECT_TRUE(check.ok) << check.report;
}

TEST(MaxPool2dGradients, OverlappingWindowsOnANonSquareImage) {
  MaxPool2d overlapping({2, 7, 5}, 3, 1);
  const auto check = test::check_layer(overlapping, 3, 29, -100, 100, kWideInputs);
  EXPECT_TRUE(check.ok) << check.report;
}

}  // namespace
}  // namespace aekit::nn
