#pragma once
// LASSO codes of many rows against one dictionary, the encoder of sparse coding:
//   h*_n = argmin_h 1/2 ||x_n - h D||^2 + alpha ||h||_1       x[N,D], D[K,D], codes h[N,K]
//
// Each row is solved in K dimensions from the Gram form: G = D D^T [K,K] (tensor/gemm.hpp)
// and C = X D^T [N,K], a GEMM per range of rows on the thread that solves them. Then, in
// parallel over ranges of rows:
//   cd     cyclic coordinate descent, one row at a time (lasso_cd.hpp)
//   fista  accelerated proximal gradient, blocks of kFistaBlockRows rows, one GEMM per step
//          (lasso_fista.hpp); L = the largest eigenvalue of G
// Rows are independent, so results do not depend on the thread count or the scheduling.
//
// Warm start: `codes` holds the starting point on entry (zeros: a cold start; the previous
// codes when the dictionary moved a little) and the solution on return.
//
// Stopping rule (scikit-learn's for Lasso): a row whose last sweep moved no coordinate by
// more than tol * max_j |h_j| (or whose code is 0) computes its duality gap (lasso_gap.hpp)
// and stops when gap <= tol * ||x||^2; else it stops after max_iterations. In float,
// coordinate descent reaches tol = 1e-7; FISTA's steps jitter at the rounding level and
// reach about 1e-6 (a tighter tolerance runs it to max_iterations).
//
// scikit-learn: sparse_encode(X, D, algorithm='lasso_cd', alpha=a) solves this problem with
// alpha = a. It fits Lasso(alpha = a / D) on the D "samples" (the columns of x), whose loss
// 1/(2D) ||x - hD||^2 + a/D ||h||_1 is this one divided by D: the same minimizer, and the
// same stopping rule (its gap and ||y||^2 / n_samples both carry the 1/D).
#include "aekit/models/sparse/sparse_coding_config.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

inline constexpr Index kFistaBlockRows = 32;

struct LassoReport {
  int max_iterations = 0;      // the most sweeps/steps any row took
  double mean_iterations = 0;  // averaged over rows
  Index unconverged = 0;       // rows stopped by max_iterations, not by the tolerance
  double objective = 0;        // F of the returned codes (as sparse_coding_objective), from
                               // the Gram form: no product in x-space
};

// codes[N,K]: in the warm start, out the solution. Requires x.cols() == dictionary.cols(),
// codes [x.rows(), dictionary.rows()], alpha >= 0 and valid options (AEKIT_ASSERT: callers
// check what users give).
LassoReport lasso(ConstMatrixRef x, ConstMatrixRef dictionary, double alpha,
                  const LassoOptions& options, MatrixRef codes);

// F = 1/N sum_n (1/2 ||x_n - h_n D||^2 + alpha ||h_n||_1), summed in double. N >= 1.
// (scikit-learn's DictionaryLearning error_ values are N F.)
double sparse_coding_objective(ConstMatrixRef x, ConstMatrixRef dictionary,
                               ConstMatrixRef codes, double alpha);

}  // namespace aekit::models
