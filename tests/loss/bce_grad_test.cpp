// Finite-difference check and values of the BCE loss (double precision build).
#include "aekit/loss/bce.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/gradient_check.hpp"
#include "support/random_matrix.hpp"

namespace aekit::loss {
namespace {

using test::random_matrix;

TEST(LossGradients, BceWithLogitsIncludingSaturatedLogits) {
  Rng rng(2);
  Matrix z = random_matrix(3, 5, -4, 4, rng), t = random_matrix(3, 5, 0, 1, rng);
  z(0, 0) = 30;   // saturated: sigmoid(z) == 1 in floating point
  z(1, 1) = -30;
  Matrix dz(3, 5);
  bce_with_logits_gradient(z, t, dz);
  const auto check = test::check_gradient("bce", {z.data(), std::size_t(z.size())},
                                          [&] { return bce_with_logits(z, t); },
                                          {dz.data(), std::size_t(dz.size())});
  EXPECT_TRUE(check.ok) << check.report;
}

TEST(LossValues, BceMatchesTheDefinitionAndStaysFinite) {
  Matrix z(1, 3), t(1, 3);
  z << 0.5, 100, -100;
  t << 0.3, 0, 1;
  const double s = 1 / (1 + std::exp(-0.5));
  const double first = -(0.3 * std::log(s) + 0.7 * std::log(1 - s));
  // A saturated wrong answer costs |z| (not inf): log(1 + e^100) ~ 100.
  EXPECT_NEAR(bce_with_logits(z, t), (first + 100 + 100) / 3, 1e-9);
}

}  // namespace
}  // namespace aekit::loss
