// Finite-difference check of BatchNorm (double build) in both modes, for dense features
// (P = 1) and image channels (P = H*W). Training mode differentiates through the batch
// statistics; inference mode is an affine map with the running statistics.
#include "aekit/nn/batch_norm.hpp"

#include <gtest/gtest.h>

#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

TEST(BatchNormGradients, TrainingModeMatchesFiniteDifferences) {
  Rng mode(1);
  for (const Index per_channel : {Index(1), Index(6)}) {
    BatchNorm norm(3, per_channel);
    norm.set_training(&mode);
    const auto check = test::check_layer(norm, 5, 43);
    EXPECT_TRUE(check.ok) << "P " << per_channel << ": " << check.report;
  }
}

TEST(BatchNormGradients, InferenceModeMatchesFiniteDifferences) {
  BatchNorm norm(2, 4);
  const auto check = test::check_layer(norm, 4, 47);
  EXPECT_TRUE(check.ok) << check.report;
}

}  // namespace
}  // namespace aekit::nn
