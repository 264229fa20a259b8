// The closed-form KL of N(mu, diag e^v) from N(0, I) (loss/gaussian_kl.hpp): its value on cases
// worked out by hand, and its gradient against finite differences.
#include "aekit/loss/gaussian_kl.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/gradient_check.hpp"

namespace aekit::loss {
namespace {

TEST(GaussianKl, ClosedFormOnHandCases) {
  Matrix mu = Matrix::Zero(2, 3), v = Matrix::Zero(2, 3);
  EXPECT_DOUBLE_EQ(gaussian_kl(mu, v), 0);  // q = p
  mu(0, 0) = 2;                              // row 0: 1/2 * 4; row 1: 0
  v(1, 2) = std::log(3.0);                   // row 1: 1/2 (3 - 1 - log 3)
  EXPECT_NEAR(gaussian_kl(mu, v), (2 + 0.5 * (2 - std::log(3.0))) / 2, 1e-12);
}

TEST(GaussianKl, GradientMatchesFiniteDifferences) {
  Rng rng(3);
  Matrix mu(4, 3), v(4, 3);
  for (Index i = 0; i < mu.size(); ++i) {
    mu.data()[i] = rng.uniform(-2, 2);
    v.data()[i] = rng.uniform(-3, 1);
  }
  Matrix dmu = Matrix::Zero(4, 3), dv = Matrix::Zero(4, 3);
  add_gaussian_kl_gradient(mu, v, 0.7, dmu, dv);
  const auto f = [&] { return 0.7 * gaussian_kl(mu, v); };
  const auto a = test::check_gradient("mu", {mu.data(), std::size_t(mu.size())}, f, {dmu.data(), std::size_t(dmu.size())});
  EXPECT_TRUE(a.ok) << a.report;
  const auto b = test::check_gradient("v", {v.data(), std::size_t(v.size())}, f, {dv.data(), std::size_t(dv.size())});
  EXPECT_TRUE(b.ok) << b.report;
}

}  // namespace
}  // namespace aekit::loss
