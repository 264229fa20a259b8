// Finite-difference check of the factorized logistic prior's rate (double precision build):
// the latents' gradient and mu's and log_scale's, at a coarse and a fine quantization step.
#include "aekit/nn/logistic_prior.hpp"

#include <gtest/gtest.h>

#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

TEST(LogisticPriorGradients, MatchFiniteDifferencesAtCoarseAndFineSteps) {
  for (const double delta : {0.3, 1.0, 3.0}) {
    LogisticPrior prior(3, 4);
    prior.set_step(delta);
    const auto check = test::check_layer(prior, 5, 7, -4, 4, {.step = 1e-6, .rtol = 1e-5, .atol = 1e-8});
    EXPECT_TRUE(check.ok) << "delta " << delta << ": " << check.report;
  }
}

}  // namespace
}  // namespace aekit::nn
