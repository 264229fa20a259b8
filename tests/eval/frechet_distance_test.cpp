// The Fréchet distance (eval/frechet_distance.hpp): 0 for identical sets, the closed form
// sum (sqrt a_i - sqrt b_i)^2 + |mu_a - mu_b|^2 for covariances that share eigenvectors (also
// rotated), symmetric, and stable for singular covariances.
#include "aekit/eval/frechet_distance.hpp"

#include <gtest/gtest.h>

#include <Eigen/QR>
#include <cmath>

#include "aekit/error.hpp"
#include "support/random_data.hpp"

namespace aekit::eval {
namespace {

TEST(FrechetDistance, IsZeroForIdenticalSets) {
  const Matrix x = test::uniform_data(300, 6, 1).cast<Scalar>();
  const auto s = gaussian_stats(x);
  EXPECT_NEAR(frechet_distance(s, s), 0, 1e-9);
}

TEST(FrechetDistance, MatchesTheClosedFormForCovariancesWithCommonEigenvectors) {
  // A random rotation R: S_a = R diag(a) R^T, S_b = R diag(b) R^T commute, and
  // tr(S_a + S_b - 2 (S_a^1/2 S_b S_a^1/2)^1/2) = sum (sqrt a_i - sqrt b_i)^2.
  Eigen::MatrixXd random(4, 4);
  Rng rng(2);
  for (Index i = 0; i < random.size(); ++i) random.data()[i] = rng.normal();
  const Eigen::MatrixXd r = Eigen::HouseholderQR<Eigen::MatrixXd>(random).householderQ();
  const Eigen::Vector4d a(4, 1, 0.25, 9), b(1, 1, 1, 0);  // b singular
  GaussianStats sa{Eigen::Vector4d(1, 2, 3, 4), r * a.asDiagonal() * r.transpose()};
  GaussianStats sb{Eigen::Vector4d(1, 0, 3, 4), r * b.asDiagonal() * r.transpose()};
  const double expected = 4 + (a.cwiseSqrt() - b.cwiseSqrt()).squaredNorm();  // |mu diff|^2 = 4
  // b's zero eigenvalue comes back as rounding noise ~1e-16, whose square root adds ~1e-8.
  EXPECT_NEAR(frechet_distance(sa, sb), expected, 1e-6);
  EXPECT_NEAR(frechet_distance(sb, sa), expected, 1e-6);
}

TEST(FrechetDistance, GaussianStatsUseTheUnbiasedCovariance) {
  const Matrix x = (Matrix(3, 1) << 1, 2, 6).finished();
  const auto s = gaussian_stats(x);
  EXPECT_DOUBLE_EQ(s.mean(0), 3);
  EXPECT_DOUBLE_EQ(s.covariance(0, 0), (4 + 1 + 9) / 2.0);
  EXPECT_THROW(gaussian_stats(x.topRows(1)), Error);
  EXPECT_THROW(frechet_distance(s, gaussian_stats(Matrix::Ones(3, 2))), Error);
}

}  // namespace
}  // namespace aekit::eval
