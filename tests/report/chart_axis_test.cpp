// Chart axes: 1-2-5 tick steps, whole-decade log axes, degenerate ranges.
#include "aekit/report/chart_axis.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace aekit::report {
namespace {

TEST(ChartAxis, NiceStepsAreOneTwoFive) {
  EXPECT_DOUBLE_EQ(nice_step(0.13), 0.2);
  EXPECT_DOUBLE_EQ(nice_step(0.3), 0.5);
  EXPECT_DOUBLE_EQ(nice_step(7), 10);
  EXPECT_DOUBLE_EQ(nice_step(1), 1);
  const Axis axis = make_axis(0.013, 0.97, false);
  EXPECT_DOUBLE_EQ(axis.low, 0.0);
  EXPECT_DOUBLE_EQ(axis.high, 1.0);
  EXPECT_EQ(axis.labels, (std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
  EXPECT_DOUBLE_EQ(axis.fraction(0.5), 0.5);
  const Axis epochs = make_axis(1, 30, false);
  EXPECT_EQ(epochs.labels.front(), "0");
  EXPECT_EQ(epochs.labels.back(), "30");
}

TEST(ChartAxis, LogAxisSpansWholeDecades) {
  const Axis axis = make_axis(0.003, 0.4, true);
  EXPECT_DOUBLE_EQ(axis.low, 0.001);
  EXPECT_DOUBLE_EQ(axis.high, 1.0);
  EXPECT_NEAR(axis.fraction(0.01), 1.0 / 3, 1e-12);
  EXPECT_EQ(axis.labels.front(), "0.001");
  EXPECT_EQ(axis.labels.back(), "1");
  const Axis single = make_axis(5, 5, false);
  EXPECT_LT(single.low, 5);
  EXPECT_GT(single.high, 5);
}

}  // namespace
}  // namespace aekit::report
