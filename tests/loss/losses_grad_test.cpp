// Finite-difference checks of every loss (double precision build).
#include <gtest/gtest.h>

#include "aekit/loss/bce.hpp"
#include "aekit/loss/mse.hpp"
#include "support/gradient_check.hpp"

namespace aekit::loss {
namespace {

Matrix random_matrix(Index rows, Index cols, double low, double high, Rng& rng) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(low, high);
  return m;
}

TEST(LossGradients, Mse) {
  Rng rng(1);
  Matrix y = random_matrix(4, 6, -2, 2, rng), t = random_matrix(4, 6, 0, 1, rng);
  Matrix dy(4, 6);
  mse_gradient(y, t, dy);
  const auto check = test::check_gradient("mse", {y.data(), std::size_t(y.size())},
                                          [&] { return mse(y, t); },
                                          {dy.data(), std::size_t(dy.size())});
  EXPECT_TRUE(check.ok) << check.report;
}

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

TEST(LossValues, MseIsTheMeanOverAllEntries) {
  Matrix y(2, 2), t(2, 2);
  y << 1, 2, 3, 4;
  t << 1, 1, 1, 1;
  EXPECT_DOUBLE_EQ(mse(y, t), (0 + 1 + 4 + 9) / 4.0);
}

}  // namespace
}  // namespace aekit::loss
