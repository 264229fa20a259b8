// Learning-rate schedules: values per epoch (as torch's StepLR and CosineAnnealingLR with
// T_max = total epochs) and the messages of Schedule::validate.
#include "aekit/optim/schedule.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::optim {
namespace {

TEST(Schedule, ConstantIsTheBaseRate) {
  Schedule s;
  EXPECT_EQ(s.kind, "constant");
  for (int e = 0; e < 50; e += 7) EXPECT_DOUBLE_EQ(s.learning_rate(0.01, e, 50), 0.01);
}

TEST(Schedule, StepDecaysEveryStepSizeEpochs) {
  Schedule s;
  s.kind = "step";
  s.step_size = 3;
  s.gamma = 0.5;
  // lr0 * 0.5^floor(e / 3)
  const std::vector<double> expected = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025,
                                        0.0125};
  for (int e = 0; e < int(expected.size()); ++e)
    EXPECT_DOUBLE_EQ(s.learning_rate(0.1, e, 10), expected[e]) << "epoch " << e;
}

TEST(Schedule, CosineFromBaseToMinimum) {
  Schedule s;
  s.kind = "cosine";
  s.min_lr = 0.01;
  // lr(e) = .01 + (.1 - .01) (1 + cos(pi e / 4)) / 2, E = 4
  //   e = 0: .01 + .09 * 1                   = 0.1
  //   e = 1: .01 + .09 * (1 + .70710678) / 2 = 0.086819805
  //   e = 2: .01 + .09 * .5                  = 0.055
  //   e = 3: .01 + .09 * (1 - .70710678) / 2 = 0.023180195
  //   e = 4: .01 + .09 * 0                   = 0.01   (one past the last epoch)
  const std::vector<double> expected = {0.1, 0.086819805, 0.055, 0.023180195, 0.01};
  for (int e = 0; e < 5; ++e)
    EXPECT_NEAR(s.learning_rate(0.1, e, 4), expected[e], 1e-9) << "epoch " << e;
  // Monotone non-increasing over a longer run, never below min_lr.
  double previous = 1;
  for (int e = 0; e < 100; ++e) {
    const double lr = s.learning_rate(0.1, e, 100);
    EXPECT_LE(lr, previous);
    EXPECT_GE(lr, 0.01);
    previous = lr;
  }
  // Without a known length it stays at the base rate.
  EXPECT_DOUBLE_EQ(s.learning_rate(0.1, 3, 0), 0.1);
}

void expect_usage_error(const Schedule& s, const std::vector<std::string>& parts) {
  test::expect_error<UsageError>([&] { s.validate(); }, parts);
}

TEST(Schedule, ValidateMessages) {
  EXPECT_NO_THROW(Schedule{}.validate());
  Schedule s;
  s.kind = "exponential";
  expect_usage_error(s, {"'exponential'", "constant", "step", "cosine"});
  s = Schedule{};
  s.kind = "step";
  s.step_size = 0;
  expect_usage_error(s, {"step_size", "found 0"});
  s = Schedule{};
  s.gamma = 0;
  expect_usage_error(s, {"gamma", "(0, 1]", "found 0"});
  s.gamma = 1.5;
  expect_usage_error(s, {"gamma", "found 1.5"});
  s.gamma = 1;  // allowed: no decay
  EXPECT_NO_THROW(s.validate());
  s = Schedule{};
  s.kind = "cosine";
  s.min_lr = -0.001;
  expect_usage_error(s, {"min_lr", "found -0.001"});
  s.min_lr = NAN;
  expect_usage_error(s, {"min_lr"});
}

}  // namespace
}  // namespace aekit::optim
