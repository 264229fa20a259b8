// Finite-difference check of Reshape (double build): the identity map, both ways.
#include "aekit/nn/reshape.hpp"

#include <gtest/gtest.h>

#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

TEST(ReshapeGradients, MatchFiniteDifferences) {
  Reshape reshape({2, 3, 2}, {1, 3, 4});
  const auto check = test::check_layer(reshape, 3, 41);
  EXPECT_TRUE(check.ok) << check.report;
}

}  // namespace
}  // namespace aekit::nn
