// The LASSO duality gap in Gram form (models/lasso_gap.hpp): q = c - G h however sparse h is,
// the primal equals 1/2 ||x - hD||^2 + alpha ||h||_1 computed in x-space, the closed form of
// the gap at h = 0, a zero gap at the orthonormal closed-form optimum, and a positive gap
// elsewhere that bounds how far the primal is above the optimum (weak duality).
#include "aekit/models/sparse/lasso_gap.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

#include "aekit/models/sparse/soft_threshold.hpp"
#include "support/known_spectrum.hpp"
#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

// One row x against a dictionary, with the Gram-form inputs of lasso_gap.hpp.
struct Problem {
  Matrix dictionary, x, gram;
  RowVector c;
  double x_sq;
  Problem(Matrix d, Matrix row)
      : dictionary(std::move(d)),
        x(std::move(row)),
        gram(dictionary * dictionary.transpose()),
        c(x * dictionary.transpose()),
        x_sq(x.cast<double>().squaredNorm()) {}
  LassoGap gap(const RowVector& h, double alpha) const {
    Eigen::VectorXd q(h.size());
    residual_correlations(gram, c.data(), h.data(), q.data());
    return lasso_duality_gap(h.data(), c.data(), q.data(), h.size(), x_sq, alpha);
  }
  double primal_in_x_space(const RowVector& h, double alpha) const {
    return 0.5 * (x - h * dictionary).cast<double>().squaredNorm() +
           alpha * h.cast<double>().lpNorm<1>();
  }
};

Problem random_problem(Index k, Index d, Rng& rng) {
  return Problem(test::random_matrix(k, d, -1, 1, rng), test::random_matrix(1, d, -1, 1, rng));
}

TEST(LassoGap, ResidualCorrelationsSkipZerosWithoutChangingTheResult) {
  Rng rng(1);
  const Problem p = random_problem(6, 5, rng);
  RowVector h = test::random_matrix(1, 6, -1, 1, rng);
  h[1] = h[4] = 0;
  Eigen::VectorXd q(6);
  residual_correlations(p.gram, p.c.data(), h.data(), q.data());
  const Eigen::VectorXd expected =
      (p.c.cast<double>() - h.cast<double>() * p.gram.cast<double>()).transpose();
  EXPECT_LT((q - expected).cwiseAbs().maxCoeff(), 1e-5);
}

TEST(LassoGap, PrimalIsTheObjectiveInXSpace) {
  Rng rng(2);
  const Problem p = random_problem(8, 5, rng);
  const RowVector h = test::random_matrix(1, 8, -1, 1, rng);
  EXPECT_NEAR(p.gap(h, 0.3).primal, p.primal_in_x_space(h, 0.3),
              1e-5 * p.primal_in_x_space(h, 0.3));
}

TEST(LassoGap, AtZeroCodesHasAClosedForm) {
  // h = 0: r = x, q = c, s = min(1, alpha / max|c|), gap = ||x||^2 / 2 (1 - s)^2.
  Rng rng(3);
  const Problem p = random_problem(5, 7, rng);
  const RowVector zero = RowVector::Zero(5);
  const double largest = p.c.cwiseAbs().maxCoeff();
  for (const double alpha : {0.25 * largest, 0.5 * largest, largest, 2 * largest}) {
    const double s = std::min(1.0, alpha / largest);
    const LassoGap gap = p.gap(zero, alpha);
    EXPECT_NEAR(gap.primal, 0.5 * p.x_sq, 1e-6 * p.x_sq);
    EXPECT_NEAR(gap.gap, 0.5 * p.x_sq * (1 - s) * (1 - s), 1e-6 * p.x_sq) << alpha / largest;
  }
}

TEST(LassoGap, ZeroAtTheOptimumAndAnUpperBoundOnSuboptimalityElsewhere) {
  // Orthonormal atoms: the optimum is h* = S(c, alpha) (soft_threshold.hpp).
  Rng rng(4);
  const Problem p(test::random_orthonormal_rows(4, 9, rng), test::random_matrix(1, 9, -1, 1, rng));
  const double alpha = 0.5 * p.c.cwiseAbs().maxCoeff();
  RowVector optimum(4);
  for (Index j = 0; j < 4; ++j) optimum[j] = soft_threshold(p.c[j], Scalar(alpha));
  const LassoGap at_optimum = p.gap(optimum, alpha);
  EXPECT_LT(at_optimum.gap, 1e-6 * p.x_sq);
  for (int trial = 0; trial < 20; ++trial) {
    const RowVector h = optimum + test::random_matrix(1, 4, -0.3, 0.3, rng);
    const LassoGap gap = p.gap(h, alpha);
    EXPECT_GT(gap.gap, 1e-4 * p.x_sq) << trial;
    EXPECT_GE(gap.gap, gap.primal - at_optimum.primal - 1e-6 * p.x_sq) << trial;
  }
}

}  // namespace
}  // namespace aekit::models
