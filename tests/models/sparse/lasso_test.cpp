// LASSO codes (models/lasso.hpp), both solvers: the closed form of an orthonormal dictionary,
// the optimality (KKT) conditions on a random overcomplete dictionary, least squares at
// alpha = 0, all-zero codes above the largest correlation, warm starts, zero atoms, and
// independence from the thread count.
#include "aekit/models/sparse/lasso.hpp"

#include <gtest/gtest.h>

#include <Eigen/QR>
#include <algorithm>
#include <cmath>

#include "aekit/models/sparse/soft_threshold.hpp"
#include "aekit/tensor/threads.hpp"
#include "support/random_matrix.hpp"
#include "support/sparse_data.hpp"

namespace aekit::models {
namespace {

// Tight by default; FISTA's float steps jitter at a relative gap of about 1e-7, so it gets
// at least 1e-6 (models/lasso.hpp).
LassoOptions options(LassoSolver solver, double tolerance = 1e-7, int max_iterations = 20000) {
  LassoOptions o;
  o.solver = solver;
  o.tolerance = solver == LassoSolver::fista ? std::max(tolerance, 1e-6) : tolerance;
  o.max_iterations = max_iterations;
  return o;
}

class Lasso : public ::testing::TestWithParam<LassoSolver> {};
INSTANTIATE_TEST_SUITE_P(Solvers, Lasso, ::testing::Values(LassoSolver::cd, LassoSolver::fista),
                         [](const auto& info) { return lasso_solver_name(info.param); });

TEST_P(Lasso, OrthonormalAtomsGiveSoftThresholdedCorrelations) {
  // D[K,D] with orthonormal rows: 1/2||x - hD||^2 = 1/2||x D^T - h||^2 + const, so the
  // problem separates and h_j = S((x D^T)_j, alpha).
  Rng rng(1);
  const Index k = 12, d = 20, n = 50;
  const Eigen::MatrixXd random = Eigen::MatrixXd::NullaryExpr(d, d, [&] { return rng.normal(); });
  const Eigen::MatrixXd q = Eigen::HouseholderQR<Eigen::MatrixXd>(random).householderQ();
  const Matrix dictionary = q.leftCols(k).transpose().cast<Scalar>();
  const Matrix x = test::random_matrix(n, d, -1, 1, rng);
  const double alpha = 0.3;
  Matrix codes = Matrix::Zero(n, k);
  const LassoReport report = lasso(x, dictionary, alpha, options(GetParam()), codes);
  EXPECT_EQ(report.unconverged, 0);
  const Matrix correlations = x * dictionary.transpose();
  Index zeros = 0;
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < k; ++j) {
      const Scalar expected = soft_threshold(correlations(i, j), Scalar(alpha));
      EXPECT_NEAR(codes(i, j), expected, 1e-5) << "row " << i << " atom " << j;
      zeros += expected == 0;
    }
  EXPECT_GT(zeros, n * k / 10) << "the case should have zeros to find";
  EXPECT_LT(zeros, n * k * 9 / 10) << "and nonzeros";
}

// Max over entries of the KKT violation of codes h for x and D:
//   g = D (x - hD)^T;  |g_j| <= alpha everywhere, g_j = alpha sign(h_j) where h_j != 0.
double kkt_violation(const Matrix& x, const Matrix& dictionary, const Matrix& codes,
                     double alpha, Index* nonzeros) {
  const Eigen::MatrixXd d = dictionary.cast<double>();
  const Eigen::MatrixXd g =
      (x.cast<double>() - codes.cast<double>() * d) * d.transpose();  // [N,K]
  double worst = 0;
  *nonzeros = 0;
  for (Index i = 0; i < g.rows(); ++i)
    for (Index j = 0; j < g.cols(); ++j) {
      if (codes(i, j) != 0) {
        ++*nonzeros;
        worst = std::max(worst, std::abs(g(i, j) - alpha * (codes(i, j) > 0 ? 1 : -1)));
      } else {
        worst = std::max(worst, std::abs(g(i, j)) - alpha);
      }
    }
  return worst;
}

TEST_P(Lasso, MeetsTheKktConditionsOnAnOvercompleteDictionary) {
  Rng rng(2);
  const Index k = 40, d = 16, n = 64;
  const Matrix dictionary = test::unit_atoms(k, d, rng);
  const Matrix x = test::sparse_data(dictionary, n, 3, 0.1, rng);
  for (const double alpha : {0.05, 0.5, 2.0}) {
    Matrix codes = Matrix::Zero(n, k);
    const LassoReport report = lasso(x, dictionary, alpha, options(GetParam()), codes);
    Index nonzeros = 0;
    EXPECT_LT(kkt_violation(x, dictionary, codes, alpha, &nonzeros), 1e-4 * (1 + alpha))
        << "alpha " << alpha << ", " << report.unconverged << " rows unconverged";
    EXPECT_GT(nonzeros, 0) << "alpha " << alpha;
    EXPECT_LT(nonzeros, n * k / 2) << "alpha " << alpha << ": the codes should be sparse";
  }
}

TEST(LassoSolvers, AgreeWithEachOther) {
  Rng rng(3);
  const Matrix dictionary = test::unit_atoms(30, 12, rng);
  const Matrix x = test::sparse_data(dictionary, 100, 2, 0.2, rng);
  Matrix cd = Matrix::Zero(100, 30), fista = Matrix::Zero(100, 30);
  lasso(x, dictionary, 0.2, options(LassoSolver::cd), cd);
  lasso(x, dictionary, 0.2, options(LassoSolver::fista), fista);
  const double f_cd = sparse_coding_objective(x, dictionary, cd, 0.2);
  const double f_fista = sparse_coding_objective(x, dictionary, fista, 0.2);
  EXPECT_NEAR(f_cd, f_fista, 1e-5 * f_cd);
  EXPECT_LT((cd - fista).cwiseAbs().maxCoeff(), 1e-3);
}

TEST_P(Lasso, ZeroAlphaIsLeastSquares) {
  // Undercomplete, full rank: h = x D^T (D D^T)^-1.
  Rng rng(4);
  const Matrix dictionary = test::unit_atoms(6, 20, rng);
  const Matrix x = test::random_matrix(30, 20, -1, 1, rng);
  Matrix codes = Matrix::Zero(30, 6);
  lasso(x, dictionary, 0.0, options(GetParam(), 1e-9), codes);
  const Eigen::MatrixXd d = dictionary.cast<double>();
  const Eigen::MatrixXd expected =
      (d * d.transpose()).ldlt().solve(d * x.cast<double>().transpose()).transpose();
  EXPECT_LT((codes.cast<double>() - expected).cwiseAbs().maxCoeff(), 1e-4);
}

TEST_P(Lasso, AlphaAboveEveryCorrelationGivesZeroCodes) {
  // h = 0 is optimal iff max_j |D_j x^T| <= alpha.
  Rng rng(5);
  const Matrix dictionary = test::unit_atoms(25, 10, rng);
  const Matrix x = test::random_matrix(20, 10, -1, 1, rng);
  const double largest = (x * dictionary.transpose()).cwiseAbs().maxCoeff();
  Matrix codes = Matrix::Constant(20, 25, Scalar(0.5));  // a bad warm start, to be undone
  const LassoReport report = lasso(x, dictionary, largest * 1.001, options(GetParam()), codes);
  EXPECT_EQ(codes.cwiseAbs().maxCoeff(), 0);
  EXPECT_EQ(report.unconverged, 0);
}

TEST_P(Lasso, WarmStartGivesTheSameCodesInFewerIterations) {
  // Dictionary learning re-solves after a small change of the atoms: starting from the old
  // codes must reach the same optimum in fewer iterations than starting from zeros.
  Rng rng(6);
  const Index k = 48, d = 24, n = 200;
  const Matrix dictionary = test::unit_atoms(k, d, rng);
  const Matrix x = test::sparse_data(dictionary, n, 4, 0.1, rng);
  const double alpha = 0.1;
  const LassoOptions o = options(GetParam(), 1e-6);
  Matrix previous = Matrix::Zero(n, k);
  lasso(x, dictionary, alpha, o, previous);

  Matrix moved = dictionary + test::random_matrix(k, d, -0.01, 0.01, rng);
  for (Index j = 0; j < k; ++j) moved.row(j).normalize();
  Matrix cold = Matrix::Zero(n, k), warm = previous;
  const LassoReport cold_report = lasso(x, moved, alpha, o, cold);
  const LassoReport warm_report = lasso(x, moved, alpha, o, warm);
  EXPECT_EQ(cold_report.unconverged, 0);
  EXPECT_EQ(warm_report.unconverged, 0);
  EXPECT_LT(warm_report.mean_iterations, 0.8 * cold_report.mean_iterations)
      << "warm " << warm_report.mean_iterations << " vs cold " << cold_report.mean_iterations;
  const double f_cold = sparse_coding_objective(x, moved, cold, alpha);
  const double f_warm = sparse_coding_objective(x, moved, warm, alpha);
  EXPECT_NEAR(f_warm, f_cold, 1e-5 * f_cold);
  EXPECT_LT((warm - cold).cwiseAbs().maxCoeff(), 2e-3);

  // Started at the solution itself, one sweep (or step) confirms it.
  Matrix again = warm;
  EXPECT_EQ(lasso(x, moved, alpha, o, again).max_iterations, 1);
}

TEST_P(Lasso, AnAllZeroAtomGetsZeroCodes) {
  Rng rng(7);
  Matrix dictionary = test::unit_atoms(10, 8, rng);
  const Matrix x = test::random_matrix(15, 8, -1, 1, rng);
  Matrix without = Matrix::Zero(15, 10);
  dictionary.row(3).setZero();
  Matrix with_zero_atom = Matrix::Constant(15, 10, Scalar(1));
  lasso(x, dictionary, 0.1, options(GetParam()), with_zero_atom);
  EXPECT_EQ(with_zero_atom.col(3).cwiseAbs().maxCoeff(), 0);
  lasso(x, dictionary, 0.1, options(GetParam()), without);
  EXPECT_LT((with_zero_atom - without).cwiseAbs().maxCoeff(), 1e-4);
}

TEST_P(Lasso, CodesDoNotDependOnTheThreadCount) {
  Rng rng(8);
  const Matrix dictionary = test::unit_atoms(40, 20, rng);
  const Matrix x = test::sparse_data(dictionary, 300, 3, 0.1, rng);
  const int saved = threads();
  Matrix one = Matrix::Zero(300, 40), two = Matrix::Zero(300, 40);
  set_threads(1);
  lasso(x, dictionary, 0.1, options(GetParam(), 1e-4), one);
  set_threads(2);
  lasso(x, dictionary, 0.1, options(GetParam(), 1e-4), two);
  set_threads(saved);
  EXPECT_EQ((one - two).cwiseAbs().maxCoeff(), 0);
}

TEST_P(Lasso, ReportsRowsStoppedByTheIterationLimit) {
  Rng rng(9);
  const Matrix dictionary = test::unit_atoms(40, 16, rng);
  const Matrix x = test::sparse_data(dictionary, 20, 3, 0.1, rng);
  Matrix codes = Matrix::Zero(20, 40);
  const LassoReport report = lasso(x, dictionary, 0.05, options(GetParam(), 0.0, 2), codes);
  EXPECT_EQ(report.unconverged, 20);
  EXPECT_EQ(report.max_iterations, 2);
  EXPECT_EQ(report.mean_iterations, 2);
}

TEST_P(Lasso, ReportsTheObjectiveOfItsCodes) {
  // From the Gram form (||r||^2 = ||x||^2 - h.c - h.q), also when stopped early.
  Rng rng(10);
  const Matrix dictionary = test::unit_atoms(30, 16, rng);
  const Matrix x = test::sparse_data(dictionary, 70, 3, 0.1, rng);
  for (const int max_iterations : {3, 1000}) {
    Matrix codes = Matrix::Zero(70, 30);
    const LassoReport report =
        lasso(x, dictionary, 0.1, options(GetParam(), 1e-6, max_iterations), codes);
    const double f = sparse_coding_objective(x, dictionary, codes, 0.1);
    EXPECT_NEAR(report.objective, f, 1e-5 * f) << max_iterations << " iterations";
  }
}

TEST(LassoObjective, IsHalfTheSquaredErrorPlusAlphaL1PerRow) {
  Matrix x(2, 2), dictionary(1, 2), codes(2, 1);
  x << 1, 0, 0, 2;
  dictionary << 1, 0;
  codes << 0.5, -1;
  // row 0: 1/2 (0.5^2) + 0.1 * 0.5;  row 1: 1/2 (1 + 4) + 0.1 * 1
  EXPECT_NEAR(sparse_coding_objective(x, dictionary, codes, 0.1),
              (0.125 + 0.05 + 2.5 + 0.1) / 2, 1e-7);
}

}  // namespace
}  // namespace aekit::models
