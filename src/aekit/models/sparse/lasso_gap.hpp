#pragma once
// How far one row's LASSO code is from optimal, in Gram form: the duality gap.
//
// Given, for one row x[1,D] and dictionary D[K,D]:
//   h[K]   the current code
//   c[K]   = D x^T            the data's correlation with each atom
//   q[K]   = c - G h = D r^T  the residual's correlation, r = x - h D, G = D D^T
//   x_sq   = ||x||^2
// the quantities of x-space follow without touching D-sized vectors:
//   ||r||^2  = ||x||^2 - h.c - h.q        (h G h = h.(c - q))
//   <r, x>   = ||x||^2 - h.c
// Primal  P(h) = 1/2 ||r||^2 + alpha ||h||_1.
// Dual point theta = s r with s = min(1, alpha / max_j |q_j|), so ||D theta^T||_inf <= alpha:
//   D(theta) = s <r, x> - s^2/2 ||r||^2   (<= P at every feasible pair)
//   gap = P(h) - D(theta) >= 0, and 0 exactly at the solution (scikit-learn's Lasso gap
//   times its n_samples, which is D here).
// q and the sums are double: a float q carries rounding of about 1e-7 |c|, as large as the
// gaps a tight tolerance asks for. ||r||^2 is clamped at 0 against rounding.
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

// q = c - G h, skipping the zeros of h (codes are sparse).
void residual_correlations(const Matrix& gram, const Scalar* c, const Scalar* h, double* q);

struct LassoGap {
  double primal = 0;  // P(h), the row's objective
  double gap = 0;     // P(h) - D(theta)
};

LassoGap lasso_duality_gap(const Scalar* h, const Scalar* c, const double* q, Index k,
                           double x_sq, double alpha);

}  // namespace aekit::models
