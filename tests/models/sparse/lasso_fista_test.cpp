// A block of rows' LASSO by FISTA (models/lasso_fista.hpp), called directly: all-zero atoms
// (L = 0) give zero codes, the first step from zero is one proximal gradient step, orthonormal
// atoms are solved by that step and confirmed by the next, and a block's codes and per-row
// objectives match coordinate descent's.
#include "aekit/models/sparse/lasso_fista.hpp"

#include <gtest/gtest.h>

#include "aekit/models/sparse/soft_threshold.hpp"
#include "aekit/models/linear/symmetric_eigen.hpp"
#include "support/known_spectrum.hpp"
#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

// A block of rows x against a dictionary, solved from zero codes.
struct Block {
  Matrix dictionary, x, gram, c, codes;
  Eigen::VectorXd x_sq, objective;
  Block(Matrix d, Matrix rows)
      : dictionary(std::move(d)),
        x(std::move(rows)),
        gram(dictionary * dictionary.transpose()),
        c(x * dictionary.transpose()),
        codes(Matrix::Zero(x.rows(), dictionary.rows())),
        x_sq(x.cast<double>().rowwise().squaredNorm()),
        objective(x.rows()) {}
  double lipschitz() const { return top_eigenpairs(gram, 1).values[0]; }
  LassoRowResult solve(double alpha, double tolerance, int max_iterations, double lipschitz) {
    const LassoOptions options{LassoSolver::fista, tolerance, max_iterations};
    FistaWorkspace work;
    return lasso_fista_block(gram, lipschitz, c, x_sq.data(), alpha, options, codes,
                             objective.data(), work);
  }
};

TEST(LassoFista, AllZeroAtomsGiveZeroCodesAndHalfTheSquaredNorm) {
  Rng rng(1);
  Block block(Matrix::Zero(3, 4), test::random_matrix(2, 4, -1, 1, rng));
  block.codes.setConstant(0.7);  // a warm start to be undone
  const LassoRowResult result = block.solve(0.1, 1e-6, 100, 0.0);
  EXPECT_EQ(block.codes.cwiseAbs().maxCoeff(), 0);
  EXPECT_TRUE(result.converged);
  EXPECT_EQ(result.iterations, 0);
  EXPECT_NEAR(block.objective[1], 0.5 * block.x_sq[1], 1e-12);
}

TEST(LassoFista, FirstStepFromZeroIsOneProximalGradientStep) {
  // y = 0: h' = S(c / L, alpha / L).
  Rng rng(2);
  Block block(test::random_matrix(6, 4, -1, 1, rng), test::random_matrix(3, 4, -1, 1, rng));
  const double lipschitz = block.lipschitz(), alpha = 0.2;
  const LassoRowResult result = block.solve(alpha, 1e-6, 1, lipschitz);
  EXPECT_EQ(result.iterations, 1);
  for (Index i = 0; i < 3; ++i)
    for (Index j = 0; j < 6; ++j)
      EXPECT_NEAR(block.codes(i, j), soft_threshold(block.c(i, j) / lipschitz, alpha / lipschitz),
                  1e-6)
          << i << ", " << j;
}

TEST(LassoFista, OrthonormalAtomsAreSolvedByTheFirstStep) {
  // G = I, L = 1: the first step lands on S(c, alpha); the second (no momentum yet, t = 1)
  // moves nothing, so the block checks its gaps and stops.
  Rng rng(3);
  Block block(test::random_orthonormal_rows(5, 8, rng), test::random_matrix(4, 8, -1, 1, rng));
  const double alpha = 0.3;
  const LassoRowResult result = block.solve(alpha, 1e-4, 100, 1.0);  // G = I up to rounding
  EXPECT_EQ(result.iterations, 2);
  EXPECT_TRUE(result.converged);
  for (Index i = 0; i < 4; ++i)
    for (Index j = 0; j < 5; ++j)
      EXPECT_NEAR(block.codes(i, j), soft_threshold(block.c(i, j), Scalar(alpha)), 1e-6);
}

TEST(LassoFista, BlockAgreesWithCoordinateDescentRowByRow) {
  Rng rng(4);
  Block block(test::random_matrix(12, 6, -1, 1, rng), test::random_matrix(5, 6, -2, 2, rng));
  const double alpha = 0.25;
  EXPECT_TRUE(block.solve(alpha, 1e-6, 20000, block.lipschitz()).converged);
  const LassoOptions cd{LassoSolver::cd, 1e-7, 100000};
  for (Index i = 0; i < 5; ++i) {
    RowVector h = RowVector::Zero(12);
    Eigen::VectorXd q(12);
    const LassoRowResult row = lasso_cd_row(block.gram, block.c.row(i).data(), block.x_sq[i], alpha,
                                            cd, h.data(), q.data());
    // Both within their gap of the optimum: FISTA's at most 1e-6 ||x||^2.
    EXPECT_NEAR(block.objective[i], row.objective, 2e-6 * block.x_sq[i]) << "row " << i;
    const double in_x_space =
        0.5 *
            (block.x.row(i) - block.codes.row(i) * block.dictionary).cast<double>().squaredNorm() +
        alpha * block.codes.row(i).cast<double>().lpNorm<1>();
    EXPECT_NEAR(block.objective[i], in_x_space, 1e-5 * in_x_space) << "row " << i;
  }
}

}  // namespace
}  // namespace aekit::models
