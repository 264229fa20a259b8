// PCA against closed forms: exact recovery of a low-rank affine subspace, orthonormal
// components, eigenvalues equal to the variances along known axes, whitening, the
// randomized solver against the exact one, and bad arguments.
#include "aekit/models/linear/pca.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "aekit/error.hpp"
#include "aekit/eval/principal_angles.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"
#include "support/known_spectrum.hpp"

namespace aekit::models {
namespace {

// Rows m + a_1 u_1 s_1 + a_2 u_2 s_2 with orthonormal u (the first two coordinate axes,
// rotated) and a ~ N(0, 1): the variance along u_k is s_k^2.
Matrix plane_data(Index rows, Rng& rng) {
  Matrix basis = Matrix::Zero(2, 5);
  basis(0, 0) = basis(0, 1) = Scalar(1 / std::sqrt(2.0));
  basis(1, 0) = Scalar(1 / std::sqrt(2.0));
  basis(1, 1) = Scalar(-1 / std::sqrt(2.0));
  Matrix x(rows, 5);
  for (Index i = 0; i < rows; ++i) {
    const Scalar a = Scalar(3 * rng.normal()), b = Scalar(rng.normal());
    x.row(i) = a * basis.row(0) + b * basis.row(1);
    x.row(i).array() += Scalar(0.5);
  }
  return x;
}

TEST(Pca, RecoversAPlaneExactlyWithOrthonormalComponents) {
  Rng rng(3);
  const Matrix x = plane_data(2000, rng);
  const Pca pca = Pca::fit(x, 2);
  EXPECT_LT((pca.reconstruct(x) - x).cwiseAbs().maxCoeff(), 1e-4);
  const Matrix gram = pca.components() * pca.components().transpose();
  EXPECT_LT((gram - Matrix::Identity(2, 2)).cwiseAbs().maxCoeff(), 1e-5);
  // Variances along the two axes: ~9 and ~1 (sampling error of 2000 draws), largest first.
  EXPECT_NEAR(pca.explained_variance()[0], 9.0, 0.6);
  EXPECT_NEAR(pca.explained_variance()[1], 1.0, 0.1);
  EXPECT_NEAR(pca.total_variance(), pca.explained_variance().sum(), 1e-3);
}

TEST(Pca, OneComponentKeepsTheDominantDirection) {
  Rng rng(4);
  const Matrix x = plane_data(2000, rng);
  const Pca pca = Pca::fit(x, 1);
  // Residual variance per row = the second eigenvalue (sum over features of squared error,
  // over N - 1 like the sample covariance).
  const double residual = (pca.reconstruct(x) - x).squaredNorm() / double(x.rows() - 1);
  const Pca full = Pca::fit(x, 2);
  EXPECT_NEAR(residual, full.explained_variance()[1], 1e-3);
  // The sample axis deviates from the true one by ~corr * 3 / 8 rad, corr ~ 1/sqrt(2000).
  EXPECT_NEAR(std::abs(pca.components()(0, 0)), 1 / std::sqrt(2.0), 0.02);
}

TEST(Pca, RejectsImpossibleComponentCounts) {
  const Matrix x = Matrix::Random(10, 4);
  test::expect_error<UsageError>([&] { Pca::fit(x, 5); },
                                 {"components must be <= min(samples, features) = 4, found 5"});
  test::expect_error<UsageError>([&] { Pca::fit(x, 0); }, {"components must be >= 1, found 0"});
  test::expect_error<UsageError>([&] { Pca::fit(x, -1); }, {"components must be >= 1, found -1"});
}

// Rows m + U diag(s) V^T * sqrt(N - 1) with U^T 1 = 0: the sample covariance has eigenvalues
// s^2 along the rows of V^T, and the rows have the mean m = (3, ..., 3).
test::KnownSpectrum shifted_data(Index n, Index d, const std::vector<double>& s, std::uint64_t seed) {
  Rng rng(seed);
  test::KnownSpectrum known = test::known_spectrum(n, d, s, rng, /*centred=*/true);
  known.a *= Scalar(std::sqrt(double(n - 1)));
  known.a.array() += Scalar(3);
  return known;
}

PcaConfig config_of(Index k, PcaSolver solver, bool whiten = false) {
  PcaConfig config;
  config.components = k;
  config.solver = solver;
  config.whiten = whiten;
  return config;
}

TEST(Pca, ExplainedVarianceIsTheVarianceOfEachCode) {
  Rng rng(5);
  Matrix x(300, 6);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = Scalar(rng.normal() * (1 + i % 6));
  const Pca pca = Pca::fit(x, 6);
  const Matrix codes = pca.encode(x);
  for (Index i = 0; i < 6; ++i) {
    EXPECT_NEAR(codes.col(i).mean(), 0.0, 1e-4);
    EXPECT_NEAR(codes.col(i).squaredNorm() / 299.0, pca.explained_variance()[i],
                1e-4 * pca.explained_variance()[i]);
  }
  // All components: the ratios sum to 1 and the reconstruction is exact.
  EXPECT_NEAR(pca.explained_variance_ratio().sum(), 1.0, 1e-5);
  EXPECT_LT((pca.reconstruct(x) - x).cwiseAbs().maxCoeff(), 1e-4);
  for (Index i = 1; i < 6; ++i)
    EXPECT_LE(pca.explained_variance()[i], pca.explained_variance()[i - 1]);
}

TEST(Pca, WhitenedCodesAreUncorrelatedWithUnitVarianceAndDecodeUndoesIt) {
  const auto known = shifted_data(500, 12, {5, 3, 2, 1, 0.5, 0.2}, 6);
  const Pca plain = Pca::fit(known.a, config_of(4, PcaSolver::exact));
  const Pca white = Pca::fit(known.a, config_of(4, PcaSolver::exact, true));
  EXPECT_TRUE(white.whiten());
  const Matrix codes = white.encode(known.a);
  const Matrix covariance = codes.transpose() * codes / Scalar(499);
  EXPECT_LT((covariance - Matrix::Identity(4, 4)).cwiseAbs().maxCoeff(), 1e-4);
  // c_white = c_plain / sqrt(lambda), and both decode to the same reconstruction.
  const Matrix plain_codes = plain.encode(known.a);
  EXPECT_NEAR(codes(7, 2), plain_codes(7, 2) / std::sqrt(plain.explained_variance()[2]), 1e-4);
  EXPECT_LT((white.reconstruct(known.a) - plain.reconstruct(known.a)).cwiseAbs().maxCoeff(), 1e-4);
  EXPECT_LT((white.decode(codes) - plain.decode(plain_codes)).cwiseAbs().maxCoeff(), 1e-4);
}

TEST(Pca, RecoversAKnownSpectrumWithEitherSolver) {
  const std::vector<double> s{6, 4, 3, 2, 0.3, 0.2, 0.1};
  for (auto [n, d] : {std::pair<Index, Index>{400, 50}, {40, 300}}) {
    const auto known = shifted_data(n, d, s, 7);
    for (PcaSolver solver : {PcaSolver::exact, PcaSolver::randomized}) {
      const Pca pca = Pca::fit(known.a, config_of(4, solver));
      const std::string what = pca_solver_name(solver) + " " + std::to_string(n) + "x" + std::to_string(d);
      EXPECT_EQ(pca.solver(), solver) << what;
      EXPECT_LT(eval::largest_principal_angle(pca.components(), known.vt.topRows(4)), 1e-3) << what;
      for (Index i = 0; i < 4; ++i)
        EXPECT_NEAR(pca.explained_variance()[i], s[i] * s[i], 1e-3 * s[i] * s[i]) << what;
      double total = 0;
      for (double v : s) total += v * v;
      EXPECT_NEAR(pca.total_variance(), total, 1e-4 * total) << what;
      EXPECT_NEAR(pca.explained_variance_ratio()[0], 36 / total, 1e-4) << what;
      EXPECT_LT((pca.mean().array() - 3).abs().maxCoeff(), 1e-4) << what;
    }
  }
}

TEST(Pca, EachComponentsLargestEntryIsPositive) {
  const auto known = shifted_data(200, 30, {5, 4, 3, 2, 1}, 8);
  for (PcaSolver solver : {PcaSolver::exact, PcaSolver::randomized}) {
    const Pca pca = Pca::fit(known.a, config_of(5, solver));
    for (Index i = 0; i < 5; ++i) {
      Index at = 0;
      pca.components().row(i).cwiseAbs().maxCoeff(&at);
      EXPECT_GT(pca.components()(i, at), 0) << pca_solver_name(solver) << " component " << i;
    }
  }
}

TEST(Pca, RandomizedIsDeterministicForASeed) {
  const auto known = shifted_data(300, 40, {5, 4, 3, 2, 1, 0.9, 0.8, 0.7}, 9);
  PcaConfig config = config_of(6, PcaSolver::randomized);
  config.seed = 17;
  const Pca a = Pca::fit(known.a, config), b = Pca::fit(known.a, config);
  EXPECT_EQ(a.components(), b.components());
  EXPECT_EQ(a.explained_variance(), b.explained_variance());
}

TEST(Pca, RefusesToWhitenAComponentOfZeroVariance) {
  Rng rng(3);
  const Matrix x = plane_data(500, rng);  // rank 2 in 5 dimensions
  test::expect_error([&] { Pca::fit(x, config_of(3, PcaSolver::exact, true)); },
                     {"cannot whiten component 3 of 3", "rank 2", "fewer components"});
  Pca::fit(x, config_of(2, PcaSolver::exact, true));  // the two real directions are fine
}

TEST(Pca, NamesWrongWidthsAndNonFiniteData) {
  Rng rng(4);
  Matrix x = plane_data(50, rng);
  const Pca pca = Pca::fit(x, 2);
  test::expect_error([&] { pca.encode(Matrix::Zero(3, 6)); }, {"encode expects 5 columns, found 6"});
  test::expect_error([&] { pca.decode(Matrix::Zero(3, 3)); }, {"decode expects 2 columns, found 3"});
  x(7, 3) = std::numeric_limits<Scalar>::quiet_NaN();
  test::expect_error([&] { Pca::fit(x, 2); }, {"non-finite value (nan) at row 7, column 3"});
}

}  // namespace
}  // namespace aekit::models
