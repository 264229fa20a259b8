#pragma once
// FISTA (Beck & Teboulle 2009) for the LASSO of a block of rows at once, in Gram form.
//
// For each row (see lasso_gap.hpp for c, G, ||x||^2), with L = the largest eigenvalue of
// G = D D^T (the Lipschitz constant of the gradient y G - c of 1/2 ||x - y D||^2):
//   h'  = S(y - (y G - c) / L, alpha / L)           proximal gradient step from y
//   t'  = (1 + sqrt(1 + 4 t^2)) / 2
//   y'  = h' + (t - 1) / t' (h' - h)                momentum
// started from y = h = the warm start, t = 1. Adaptive restart (O'Donoghue & Candes 2015):
// a row whose step goes against its momentum, (y - h').(h' - h) > 0, restarts with t' = 1,
// y' = h'. The products Y G of the whole block [B,K] x [K,K] are one GEMM.
//
// Stopping: when every row's largest |h' - h| is at most tol * max |h'| (or h' = 0), and
// every kFistaGapInterval steps in any case (in float the steps of a converged row jitter at
// the rounding level, above a tight tolerance), the block computes each row's q = c - G h
// (lasso_gap.hpp) and stops if every row's duality gap is at most tol * ||x||^2; otherwise
// after max_iterations steps.
// Every row of a block runs the block's step count.
#include <vector>

#include "aekit/models/sparse/lasso_cd.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

inline constexpr int kFistaGapInterval = 10;

// Scratch for one block, sized on first use.
struct FistaWorkspace {
  Matrix y, previous, product;  // [B,K] each
  std::vector<Scalar> t;        // [B]
  Eigen::VectorXd q;            // [K] one row's residual correlations, for its gap
};

// c[B,K] = X D^T of the block, x_sq[B] = ||x||^2 per row, codes[B,K] in: warm start, out:
// solution; objective[B] receives each row's 1/2 ||x - hD||^2 + alpha ||h||_1. The result's
// objective is not used.
LassoRowResult lasso_fista_block(const Matrix& gram, double lipschitz, ConstMatrixRef c,
                                 const double* x_sq, double alpha, const LassoOptions& options,
                                 MatrixRef codes, double* objective, FistaWorkspace& work);

}  // namespace aekit::models
