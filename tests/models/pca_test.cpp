// PCA against closed forms: exact recovery of a low-rank affine subspace, orthonormal
// components, eigenvalues equal to the variances along known axes, and bad arguments.
#include "aekit/models/pca.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"

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
  // Residual variance per row = the second eigenvalue (sum over features of squared error).
  const double residual = (pca.reconstruct(x) - x).squaredNorm() / double(x.rows());
  const Pca full = Pca::fit(x, 2);
  EXPECT_NEAR(residual, full.explained_variance()[1], 1e-3);
  // The sample axis deviates from the true one by ~corr * 3 / 8 rad, corr ~ 1/sqrt(2000).
  EXPECT_NEAR(std::abs(pca.components()(0, 0)), 1 / std::sqrt(2.0), 0.02);
}

TEST(Pca, RejectsImpossibleComponentCounts) {
  const Matrix x = Matrix::Random(10, 4);
  for (Index k : {Index(0), Index(5), Index(-1)}) {
    try {
      Pca::fit(x, k);
      FAIL() << "accepted " << k << " components";
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("between 1 and min(samples, features) = 4"),
                std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace aekit::models
