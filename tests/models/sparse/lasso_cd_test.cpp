// One row's LASSO by cyclic coordinate descent (models/lasso_cd.hpp), called directly: a single
// atom's closed form and its two-sweep stop, one sweep updating the coordinates in turn with
// the new values (Gauss-Seidel), and the solution of a small correlated problem against a
// brute-force search over every sign pattern.
#include "aekit/models/sparse/lasso_cd.hpp"

#include <gtest/gtest.h>

#include <Eigen/LU>
#include <cmath>
#include <vector>

#include "aekit/models/sparse/soft_threshold.hpp"
#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

// Solves with lasso_cd_row from h = 0; returns the code.
RowVector solve(const Matrix& dictionary, const Matrix& x, double alpha, const LassoOptions& o,
                LassoRowResult* result) {
  const Matrix gram = dictionary * dictionary.transpose();
  const RowVector c = x * dictionary.transpose();
  RowVector h = RowVector::Zero(dictionary.rows());
  Eigen::VectorXd q(dictionary.rows());
  *result =
      lasso_cd_row(gram, c.data(), x.cast<double>().squaredNorm(), alpha, o, h.data(), q.data());
  return h;
}

double objective(const Matrix& dictionary, const Matrix& x, const RowVector& h, double alpha) {
  return 0.5 * (x - h * dictionary).cast<double>().squaredNorm() +
         alpha * h.cast<double>().lpNorm<1>();
}

TEST(LassoCd, SingleAtomIsItsSoftThresholdedCorrelationOverItsSquaredNorm) {
  Matrix atom(1, 3), x(1, 3);
  atom << 2, 0, 0;  // G = 4
  x << 1.5, 1, -2;  // c = 3
  LassoRowResult result;
  const RowVector h = solve(atom, x, 1.0, {LassoSolver::cd, 1e-6, 100}, &result);
  EXPECT_NEAR(h[0], (3.0 - 1.0) / 4, 1e-7);  // S(c, alpha) / G
  // The first sweep moves h, the second finds nothing to move and checks the gap.
  EXPECT_EQ(result.iterations, 2);
  EXPECT_TRUE(result.converged);
  EXPECT_NEAR(result.objective, objective(atom, x, h, 1.0), 1e-6);
}

TEST(LassoCd, OneSweepUpdatesTheCoordinatesInTurnWithTheNewValues) {
  Matrix dictionary(2, 2), x(1, 2);
  dictionary << 1, 0, 0.6, 0.8;  // unit atoms, G_01 = 0.6
  x << 2, 1;                     // c = (2, 2)
  const double alpha = 0.5;
  LassoRowResult result;
  const RowVector h = solve(dictionary, x, alpha, {LassoSolver::cd, 1e-12, 1}, &result);
  const double h0 = soft_threshold(2.0, alpha);             // 1.5
  const double h1 = soft_threshold(2.0 - 0.6 * h0, alpha);  // sees the new h0: 0.6
  EXPECT_NEAR(h[0], h0, 1e-6);
  EXPECT_NEAR(h[1], h1, 1e-6);
  EXPECT_EQ(result.iterations, 1);
  EXPECT_FALSE(result.converged);
  EXPECT_NEAR(result.objective, objective(dictionary, x, h, alpha), 1e-5);
}

// The exact LASSO of a few atoms: for every sign pattern s in {-1,0,1}^K, the stationary point
// G_SS h_S = c_S - alpha s_S on the support S, kept if its signs agree; the best objective.
RowVector brute_force_lasso(const Matrix& dictionary, const Matrix& x, double alpha) {
  const Index k = dictionary.rows();
  const Eigen::MatrixXd d = dictionary.cast<double>();
  const Eigen::MatrixXd gram = d * d.transpose();
  const Eigen::VectorXd c = d * x.cast<double>().transpose();
  RowVector best = RowVector::Zero(k);
  double best_value = objective(dictionary, x, best, alpha);
  for (int pattern = 1, patterns = int(std::pow(3, k)); pattern < patterns; ++pattern) {
    std::vector<Index> support;
    Eigen::VectorXd signs(k);
    for (Index j = 0, p = pattern; j < k; ++j, p /= 3)
      if ((signs[j] = double(p % 3) - 1) != 0) support.push_back(j);
    const Eigen::MatrixXd gram_s = gram(support, support);
    const Eigen::VectorXd h_s = gram_s.lu().solve(c(support) - alpha * signs(support));
    RowVector h = RowVector::Zero(k);
    bool consistent = true;
    for (std::size_t i = 0; i < support.size(); ++i) {
      consistent = consistent && h_s[Index(i)] * signs[support[i]] > 0;
      h[support[i]] = Scalar(h_s[Index(i)]);
    }
    if (consistent && objective(dictionary, x, h, alpha) < best_value) {
      best = h;
      best_value = objective(dictionary, x, h, alpha);
    }
  }
  return best;
}

TEST(LassoCd, SolvesACorrelatedProblemLikeABruteForceSearch) {
  Rng rng(7);
  const Matrix dictionary = test::random_matrix(4, 5, -1, 1, rng);
  for (const double alpha : {0.05, 0.3, 1.0}) {
    const Matrix x = test::random_matrix(1, 5, -2, 2, rng);
    LassoRowResult result;
    const RowVector h = solve(dictionary, x, alpha, {LassoSolver::cd, 1e-7, 10000}, &result);
    EXPECT_TRUE(result.converged) << alpha;
    EXPECT_LT((h - brute_force_lasso(dictionary, x, alpha)).cwiseAbs().maxCoeff(), 1e-3) << alpha;
  }
}

}  // namespace
}  // namespace aekit::models
