// Finite-difference check of tied weights: an encoder Dense and a decoder TiedDense using
// its W^T; the weight's gradient is the sum of both uses (double precision build).
#include "aekit/nn/tied_dense.hpp"

#include <gtest/gtest.h>

#include "aekit/nn/sequential.hpp"
#include "support/all_activations.hpp"
#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

class TiedPairGradients : public ::testing::TestWithParam<Activation> {};

TEST_P(TiedPairGradients, MatchFiniteDifferences) {
  Sequential net;
  auto& encoder = static_cast<Dense&>(net.add(std::make_unique<Dense>(6, 3, GetParam())));
  net.add(std::make_unique<TiedDense>(encoder, GetParam()));
  const auto check = test::check_layer(net, 5, 13);
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(All, TiedPairGradients, ::testing::ValuesIn(test::kAllActivations),
                         test::ActivationTestName());

}  // namespace
}  // namespace aekit::nn
