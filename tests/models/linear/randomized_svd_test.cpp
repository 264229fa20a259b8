// The randomized SVD on both routes: it finds the top singular subspace of a matrix with a
// gap in its spectrum, its accuracy grows with the power iterations, it is deterministic for
// a seed, the automatic route is the cheaper one, and a given covariance gives the same.
#include "aekit/models/linear/randomized_svd.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/eval/principal_angles.hpp"
#include "aekit/tensor/gram.hpp"
#include "support/known_spectrum.hpp"

namespace aekit::models {
namespace {

// Singular values 50, 40, 30, 20, 10 and then a slowly decaying tail from 2 down.
std::vector<double> gapped_spectrum(Index r) {
  std::vector<double> s{50, 40, 30, 20, 10};
  for (Index i = 5; i < r; ++i) s.push_back(2.0 / (1 + 0.05 * double(i - 5)));
  return s;
}

TruncatedSvd run(ConstMatrixRef a, Index k, SvdRoute route, int q, std::uint64_t seed) {
  Rng rng(seed);
  return randomized_svd(a, k, {.oversampling = 5, .power_iterations = q, .route = route}, rng);
}

class RandomizedSvdRoutes : public ::testing::TestWithParam<SvdRoute> {};

TEST_P(RandomizedSvdRoutes, FindsTheTopSubspaceAndSingularValues) {
  Rng rng(1);
  const test::KnownSpectrum known = test::known_spectrum(400, 120, gapped_spectrum(60), rng);
  const TruncatedSvd svd = run(known.a, 5, GetParam(), 4, 7);
  ASSERT_EQ(svd.vt.rows(), 5);
  ASSERT_EQ(svd.vt.cols(), 120);
  EXPECT_LT(eval::largest_principal_angle(svd.vt, known.vt.topRows(5)), 1e-3);
  for (Index i = 0; i < 5; ++i) {
    EXPECT_NEAR(svd.singular_values[i], known.singular_values[i], 1e-3 * known.singular_values[i]);
    EXPECT_NEAR(std::abs(svd.vt.row(i).dot(known.vt.row(i))), 1.0, 1e-4) << i;
  }
  EXPECT_LT((svd.vt * svd.vt.transpose() - Matrix::Identity(5, 5)).cwiseAbs().maxCoeff(), 1e-5);
}

TEST_P(RandomizedSvdRoutes, PowerIterationsSharpenAWeakGap) {
  // No clear gap after the 5th value: without power iterations the subspace is rough.
  Rng rng(2);
  std::vector<double> s(80);
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = 10.0 / (1 + 0.1 * double(i));
  const test::KnownSpectrum known = test::known_spectrum(300, 100, s, rng);
  const double rough = eval::largest_principal_angle(run(known.a, 5, GetParam(), 0, 3).vt,
                                                     known.vt.topRows(5));
  const double sharp = eval::largest_principal_angle(run(known.a, 5, GetParam(), 8, 3).vt,
                                                     known.vt.topRows(5));
  EXPECT_LT(sharp, 0.5 * rough) << "q = 0: " << rough << " rad, q = 8: " << sharp << " rad";
}

TEST_P(RandomizedSvdRoutes, SameSeedSameBitsOtherSeedOtherDirections) {
  Rng rng(3);
  const test::KnownSpectrum known = test::known_spectrum(200, 64, gapped_spectrum(40), rng);
  const TruncatedSvd a = run(known.a, 8, GetParam(), 1, 11), b = run(known.a, 8, GetParam(), 1, 11);
  const TruncatedSvd c = run(known.a, 8, GetParam(), 1, 12);
  EXPECT_EQ(a.vt, b.vt);
  EXPECT_EQ(a.singular_values, b.singular_values);
  EXPECT_NE(a.vt, c.vt);  // the tail directions (6..8) depend on the draw
}

TEST_P(RandomizedSvdRoutes, RankDeficientInputGivesFiniteResults) {
  // Rank 3, but 10 directions asked for (with oversampling 5 > the rank).
  Rng rng(4);
  const test::KnownSpectrum known = test::known_spectrum(50, 30, {3, 2, 1}, rng);
  const TruncatedSvd svd = run(known.a, 10, GetParam(), 2, 1);
  EXPECT_TRUE(svd.vt.allFinite());
  EXPECT_TRUE(svd.singular_values.allFinite());
  EXPECT_NEAR(svd.singular_values[2], 1.0, 1e-4);
  EXPECT_LT(svd.singular_values[3], 1e-2);
  EXPECT_LT(eval::largest_principal_angle(svd.vt.topRows(3), known.vt), 1e-3);
}

INSTANTIATE_TEST_SUITE_P(Routes, RandomizedSvdRoutes,
                         ::testing::Values(SvdRoute::data, SvdRoute::covariance),
                         [](const auto& info) {
                           return info.param == SvdRoute::data ? "data" : "covariance";
                         });

TEST(RandomizedSvd, AutomaticRouteIsTheCheaperOne) {
  const RandomizedSvdOptions sklearn{.oversampling = 10, .power_iterations = 7};
  // Fashion-MNIST's shape: forming the 784 x 784 covariance beats 16 passes over the data.
  EXPECT_EQ(randomized_svd_route(60000, 784, 32, sklearn), SvdRoute::covariance);
  // Many features and few directions: passes over the data.
  EXPECT_EQ(randomized_svd_route(60000, 20000, 32, sklearn), SvdRoute::data);
  RandomizedSvdOptions forced = sklearn;
  forced.route = SvdRoute::data;
  EXPECT_EQ(randomized_svd_route(60000, 784, 32, forced), SvdRoute::data);
}

TEST(RandomizedSvd, FromAGivenCovarianceEqualsTheCovarianceRoute) {
  Rng rng(6);
  const test::KnownSpectrum known = test::known_spectrum(300, 50, gapped_spectrum(30), rng);
  Matrix c(50, 50);
  gram_tn(known.a, c);
  const RandomizedSvdOptions options{.oversampling = 5, .power_iterations = 2};
  Rng first(9), second(9);
  const TruncatedSvd given = randomized_svd_from_covariance(c, 300, 6, options, first);
  const TruncatedSvd routed = run(known.a, 6, SvdRoute::covariance, 2, 9);
  EXPECT_EQ(given.vt, routed.vt);
  EXPECT_EQ(given.singular_values, routed.singular_values);
}

TEST(RandomizedSvd, KeepsAtMostMinNDDirections) {
  // k + oversampling > min(N, D): the basis is cut to min(N, D) and k = min(N, D) is exact.
  Rng rng(5);
  const test::KnownSpectrum known = test::known_spectrum(12, 9, {9, 8, 7, 6, 5, 4, 3, 2, 1}, rng);
  for (SvdRoute route : {SvdRoute::data, SvdRoute::covariance}) {
    const TruncatedSvd svd = run(known.a, 9, route, 1, 1);
    EXPECT_NEAR(svd.singular_values[8], 1.0, 1e-4);
    EXPECT_LT(eval::largest_principal_angle(svd.vt, known.vt), 1e-3);
  }
}

}  // namespace
}  // namespace aekit::models
