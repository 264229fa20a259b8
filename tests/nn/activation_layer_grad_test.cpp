// Finite-difference check of the stand-alone activation layer (double precision build).
#include "aekit/nn/activation_layer.hpp"

#include <gtest/gtest.h>

#include "support/all_activations.hpp"
#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

class ActivationLayerGradients : public ::testing::TestWithParam<Activation> {};

TEST_P(ActivationLayerGradients, MatchFiniteDifferences) {
  ActivationLayer layer(9, GetParam());
  const auto check = test::check_layer(layer, 3, 12, -3, 3);
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(All, ActivationLayerGradients,
                         ::testing::ValuesIn(test::kAllActivations), test::ActivationTestName());

}  // namespace
}  // namespace aekit::nn
