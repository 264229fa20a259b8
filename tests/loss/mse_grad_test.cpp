// Finite-difference check and values of the MSE loss (double precision build).
#include "aekit/loss/mse.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/gradient_check.hpp"
#include "support/random_matrix.hpp"

namespace aekit::loss {
namespace {

using test::random_matrix;

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

TEST(LossValues, MseIsTheMeanOverAllEntries) {
  Matrix y(2, 2), t(2, 2);
  y << 1, 2, 3, 4;
  t << 1, 1, 1, 1;
  EXPECT_DOUBLE_EQ(mse(y, t), (0 + 1 + 4 + 9) / 4.0);
}

}  // namespace
}  // namespace aekit::loss
