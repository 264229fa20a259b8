#pragma once
// Cyclic coordinate descent for one row's LASSO, in Gram form (the method of scikit-learn's
// Lasso with a precomputed Gram matrix, and of Friedman et al. 2007).
//
// Inputs (see lasso_gap.hpp): G = D D^T [K,K], c = D x^T [K], ||x||^2; h[K] holds the start
// (warm start) and receives the solution. Keeps q = c - G h = D (x - hD)^T up to date, in
// double: in float, thousands of incremental updates drift far enough to move the optimum:
// for j = 0 .. K-1 in turn
//   z    = q_j + G_jj h_j                   the residual's correlation without atom j
//   h_j' = S(z, alpha) / G_jj               S(z, t) = sign(z) max(|z| - t, 0)
//   q   -= (h_j' - h_j) G_j                 (G is symmetric: row j = column j)
// A sweep costs O(K) plus O(K) per coordinate that moves, so sparse codes are cheap.
// An atom that is all zeros (G_jj = 0) keeps h_j = 0.
//
// Stopping (models/lasso.hpp): after a sweep whose largest |h_j' - h_j| is at most
// tol * max_j |h_j| (or h = 0), q is recomputed exactly as c - G h and the row stops if its
// duality gap is at most tol * ||x||^2; otherwise after max_iterations sweeps.
#include "aekit/models/sparse/sparse_coding_config.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct LassoRowResult {
  int iterations = 0;  // sweeps (cd) or steps (fista) run
  bool converged = false;
  double objective = 0;  // 1/2 ||x - hD||^2 + alpha ||h||_1 at the returned h
};

// `q` is scratch of K values.
LassoRowResult lasso_cd_row(const Matrix& gram, const Scalar* c, double x_sq, double alpha,
                            const LassoOptions& options, Scalar* h, double* q);

}  // namespace aekit::models
