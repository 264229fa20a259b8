// top_eigenpairs (models/symmetric_eigen.hpp): the full spectrum of a small known matrix in
// descending order, A v = lambda v with orthonormal vectors, only the symmetric part counts,
// k = 1 is the leading pair of k = n, and non-finite entries throw aekit::Error.
#include "aekit/models/linear/symmetric_eigen.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

// [[2,1,0],[1,2,0],[0,0,5]]: eigenvalues 5, 3, 1 with u = e3, (e1 + e2)/sqrt2, (e1 - e2)/sqrt2.
Matrix known_matrix() {
  Matrix a(3, 3);
  a << 2, 1, 0, 1, 2, 0, 0, 0, 5;
  return a;
}

TEST(SymmetricEigen, FullSpectrumOfAKnownMatrixInDescendingOrder) {
  const Eigenpairs all = top_eigenpairs(known_matrix(), 3);
  ASSERT_EQ(all.values.size(), 3);
  ASSERT_EQ(all.vectors.rows(), 3);
  ASSERT_EQ(all.vectors.cols(), 3);
  EXPECT_NEAR(all.values[0], 5.0, 1e-12);
  EXPECT_NEAR(all.values[1], 3.0, 1e-12);
  EXPECT_NEAR(all.values[2], 1.0, 1e-12);
  const double r = 1 / std::sqrt(2.0);
  EXPECT_NEAR(std::abs(all.vectors(2, 0)), 1.0, 1e-12);
  EXPECT_NEAR(std::abs(all.vectors.col(1).dot(Eigen::Vector3d(r, r, 0))), 1.0, 1e-12);
  EXPECT_NEAR(std::abs(all.vectors.col(2).dot(Eigen::Vector3d(r, -r, 0))), 1.0, 1e-12);
}

TEST(SymmetricEigen, PairsSatisfyTheEigenEquationWithOrthonormalVectors) {
  Rng rng(3);
  Eigen::MatrixXd b(6, 6);
  for (Index i = 0; i < b.size(); ++i) b.data()[i] = rng.normal();
  const Eigen::MatrixXd a = b * b.transpose();
  const Eigenpairs top = top_eigenpairs(a.cast<Scalar>(), 4);
  const Eigen::MatrixXd given = a.cast<Scalar>().cast<double>();
  const Eigen::MatrixXd symmetric = 0.5 * (given + given.transpose());
  const Eigen::MatrixXd residual = symmetric * top.vectors - top.vectors * top.values.asDiagonal();
  EXPECT_LT(residual.cwiseAbs().maxCoeff(), 1e-9 * top.values[0]);
  EXPECT_LT((top.vectors.transpose() * top.vectors - Eigen::MatrixXd::Identity(4, 4))
                .cwiseAbs()
                .maxCoeff(),
            1e-12);
  for (Index i = 1; i < 4; ++i) EXPECT_GE(top.values[i - 1], top.values[i]) << i;
  EXPECT_GT(top.values[3], 0) << "b b^T is positive semi-definite";
}

TEST(SymmetricEigen, SeesOnlyTheSymmetricPart) {
  Matrix lopsided(2, 2);  // symmetric part [[2,1],[1,2]]: eigenvalues 3 and 1
  lopsided << 2, 1.5, 0.5, 2;
  const Eigenpairs pairs = top_eigenpairs(lopsided, 2);
  EXPECT_NEAR(pairs.values[0], 3.0, 1e-12);
  EXPECT_NEAR(pairs.values[1], 1.0, 1e-12);
  EXPECT_NEAR(std::abs(pairs.vectors(0, 0) + pairs.vectors(1, 0)), std::sqrt(2.0), 1e-12);
}

TEST(SymmetricEigen, OnePairIsTheLeadingPairOfAll) {
  const Eigenpairs one = top_eigenpairs(known_matrix(), 1);
  const Eigenpairs all = top_eigenpairs(known_matrix(), 3);
  ASSERT_EQ(one.vectors.cols(), 1);
  EXPECT_EQ(one.values[0], all.values[0]);
  EXPECT_NEAR(std::abs(one.vectors.col(0).dot(all.vectors.col(0))), 1.0, 1e-12);
}

TEST(SymmetricEigen, NonFiniteEntriesThrow) {
  for (const Scalar bad :
       {std::numeric_limits<Scalar>::quiet_NaN(), std::numeric_limits<Scalar>::infinity()}) {
    Matrix a = known_matrix();
    a(0, 1) = a(1, 0) = bad;
    test::expect_error([&] { top_eigenpairs(a, 2); }, {"did not converge"});
  }
}

}  // namespace
}  // namespace aekit::models
