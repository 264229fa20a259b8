// Finite-difference check of Dense with every fused activation (double precision build).
#include "aekit/nn/dense.hpp"

#include <gtest/gtest.h>

#include "support/all_activations.hpp"
#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

class DenseGradients : public ::testing::TestWithParam<Activation> {};

TEST_P(DenseGradients, MatchFiniteDifferences) {
  Dense layer(7, 5, GetParam());
  const auto check = test::check_layer(layer, 4, 11);
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(All, DenseGradients, ::testing::ValuesIn(test::kAllActivations),
                         test::ActivationTestName());

}  // namespace
}  // namespace aekit::nn
