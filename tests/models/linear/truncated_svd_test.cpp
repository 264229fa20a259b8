// The exact truncated SVD (and the eigen-solver under it) against matrices of known
// spectrum, tall (covariance route) and wide (Gram route).
#include "aekit/models/linear/truncated_svd.hpp"

#include <gtest/gtest.h>

#include "aekit/eval/principal_angles.hpp"
#include "aekit/models/linear/symmetric_eigen.hpp"
#include "support/known_spectrum.hpp"

namespace aekit::models {
namespace {

TEST(SymmetricEigen, TopPairsOfAKnownMatrixLargestFirst) {
  Rng rng(1);
  const Eigen::MatrixXd q = test::random_orthonormal_rows(4, 4, rng).cast<double>();
  const Eigen::Vector4d lambda(1.0, 5.0, -2.0, 3.0);
  const Matrix c = (q.transpose() * lambda.asDiagonal() * q).cast<Scalar>();  // eigenvectors: rows of q
  const Eigenpairs top = top_eigenpairs(c, 2);
  EXPECT_NEAR(top.values[0], 5.0, 1e-5);
  EXPECT_NEAR(top.values[1], 3.0, 1e-5);
  EXPECT_NEAR(std::abs(top.vectors.col(0).dot(q.row(1).transpose())), 1.0, 1e-6);
  EXPECT_NEAR(std::abs(top.vectors.col(1).dot(q.row(3).transpose())), 1.0, 1e-6);
}

void expect_recovers(Index n, Index d) {
  Rng rng(n + d);
  const std::vector<double> s{40, 20, 10, 5, 1, 0.5};
  const test::KnownSpectrum known = test::known_spectrum(n, d, s, rng);
  const TruncatedSvd svd = exact_svd(known.a, 4);
  ASSERT_EQ(svd.vt.rows(), 4);
  ASSERT_EQ(svd.vt.cols(), d);
  for (Index i = 0; i < 4; ++i) {
    EXPECT_NEAR(svd.singular_values[i], s[i], 1e-4 * s[0]) << i;
    // Each singular vector is the known one up to sign.
    EXPECT_NEAR(std::abs(svd.vt.row(i).dot(known.vt.row(i))), 1.0, 1e-4) << i;
  }
  const Matrix gram = svd.vt * svd.vt.transpose();
  EXPECT_LT((gram - Matrix::Identity(4, 4)).cwiseAbs().maxCoeff(), 1e-5);
}

TEST(ExactSvd, TallMatrixThroughTheCovariance) { expect_recovers(300, 40); }

TEST(ExactSvd, WideMatrixThroughTheGramMatrix) { expect_recovers(30, 500); }

TEST(ExactSvd, FullRankOfASquareMatrix) {
  Rng rng(8);
  const test::KnownSpectrum known = test::known_spectrum(5, 5, {5, 4, 3, 2, 1}, rng);
  const TruncatedSvd svd = exact_svd(known.a, 5);
  EXPECT_LT(eval::largest_principal_angle(svd.vt, known.vt), 1e-6);
  EXPECT_NEAR(svd.singular_values[4], 1.0, 1e-5);
}

TEST(SvdFromRowGram, ZeroRowsGiveZeroVectorsNotNaN) {
  const Matrix b = Matrix::Zero(3, 10);
  const TruncatedSvd svd = svd_from_row_gram(b, 2);
  EXPECT_TRUE(svd.vt.allFinite());
  EXPECT_EQ(svd.singular_values[0], 0.0);
}

}  // namespace
}  // namespace aekit::models
