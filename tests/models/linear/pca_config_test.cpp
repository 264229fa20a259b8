// PcaConfig: the messages of bad settings, and what the automatic choices resolve to.
#include "aekit/models/linear/pca_config.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

using test::expect_error;

PcaConfig with_components(Index k) {
  PcaConfig config;
  config.components = k;
  return config;
}

TEST(PcaConfig, RejectsMoreComponentsThanSamplesOrFeatures) {
  expect_error<UsageError>([] { with_components(1000).validate(60000, 784); },
                           {"components must be <= min(samples, features) = 784, found 1000"});
  expect_error<UsageError>([] { with_components(20).validate(10, 784); },
                           {"components must be <= min(samples, features) = 10, found 20"});
  expect_error<UsageError>([] { with_components(0).validate(100, 10); },
                           {"components must be >= 1, found 0"});
  with_components(10).validate(10, 10);  // the full rank is fine
}

TEST(PcaConfig, RejectsNegativeOversamplingAndPowerIterations) {
  PcaConfig config = with_components(2);
  config.oversampling = -1;
  expect_error<UsageError>([&] { config.validate(100, 10); }, {"oversampling must be >= 0, found -1"});
  config.oversampling = 0;
  config.power_iterations = -2;
  expect_error<UsageError>([&] { config.validate(100, 10); },
                           {"power iterations must be >= 0 (or -1 for automatic), found -2"});
}

TEST(PcaConfig, SolverNames) {
  for (PcaSolver s : {PcaSolver::exact, PcaSolver::randomized, PcaSolver::automatic})
    EXPECT_EQ(parse_pca_solver(pca_solver_name(s)), s);
  expect_error<UsageError>([] { parse_pca_solver("svd"); },
                           {"PCA solver must be exact, randomized or auto, found 'svd'"});
}

TEST(PcaConfig, AutomaticSolverFollowsScikitLearnsRule) {
  // A small eigen-problem (min(N, D) <= 1000): exact, however many samples.
  EXPECT_EQ(with_components(32).resolved_solver(60000, 784), PcaSolver::exact);
  EXPECT_EQ(with_components(32).resolved_solver(500, 20000), PcaSolver::exact);
  // Both sides large and few components: randomized; most components: exact.
  EXPECT_EQ(with_components(50).resolved_solver(5000, 3000), PcaSolver::randomized);
  EXPECT_EQ(with_components(2400).resolved_solver(5000, 3000), PcaSolver::exact);
  PcaConfig forced = with_components(32);
  forced.solver = PcaSolver::randomized;
  EXPECT_EQ(forced.resolved_solver(60000, 784), PcaSolver::randomized);
}

TEST(PcaConfig, AutomaticPowerIterationsFollowScikitLearn) {
  EXPECT_EQ(with_components(32).resolved_power_iterations(60000, 784), 7);   // 32 < 78.4
  EXPECT_EQ(with_components(100).resolved_power_iterations(60000, 784), 4);  // 100 >= 78.4
  PcaConfig set = with_components(100);
  set.power_iterations = 2;
  EXPECT_EQ(set.resolved_power_iterations(60000, 784), 2);
}

}  // namespace
}  // namespace aekit::models
