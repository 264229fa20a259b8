// OptimizerConfig: defaults and the messages of validate (also through make_optimizer).
#include "aekit/optim/optimizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aekit/error.hpp"
#include "optim/trajectory.hpp"
#include "support/expect_error.hpp"

namespace aekit::optim {
namespace {

using cases::adam;
using cases::rmsprop;
using cases::sgd;

// contains every one of `parts`.
void expect_usage_error(const OptimizerConfig& config, const std::vector<std::string>& parts) {
  test::expect_error<UsageError>([&] { config.validate(); }, parts);
  test::expect_error<UsageError>([&] { make_optimizer(config); }, parts);
}

TEST(OptimizerConfig, DefaultsAreValid) {
  EXPECT_NO_THROW(OptimizerConfig{}.validate());
  EXPECT_NO_THROW(sgd(0.9, true, 1e-4).validate());
  EXPECT_NO_THROW(rmsprop(0.5).validate());
  EXPECT_NO_THROW(adam(0).validate());
}

TEST(OptimizerConfig, ValidateMessages) {
  auto c = adam();
  c.weight_decay = -0.1;
  expect_usage_error(c, {"weight_decay", "found -0.1"});

  c = adam();
  c.beta1 = 1.0;
  expect_usage_error(c, {"beta1", "[0, 1)", "found 1"});
  c.beta1 = 1.5;
  expect_usage_error(c, {"beta1", "found 1.5"});
  c = adam();
  c.beta2 = -0.5;
  expect_usage_error(c, {"beta2", "found -0.5"});

  c = adam();
  c.eps = 0;
  expect_usage_error(c, {"eps", "(0, 1)", "found 0"});
  c.eps = -1e-8;
  expect_usage_error(c, {"eps", "found -1e-08"});

  c = rmsprop();
  c.alpha = 1;
  expect_usage_error(c, {"alpha", "found 1"});

  c = sgd(0, true);
  expect_usage_error(c, {"nesterov", "momentum"});
  c = sgd(1.0);
  expect_usage_error(c, {"momentum", "found 1"});

  c = adam();
  c.kind = "adagrad";
  expect_usage_error(c, {"'adagrad'", "sgd", "adam", "rmsprop"});
}

}  // namespace
}  // namespace aekit::optim
