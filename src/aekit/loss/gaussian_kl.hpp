#pragma once
// The KL divergence of a diagonal Gaussian q = N(mu, diag(exp(v))) from the standard normal
// prior p = N(0, I), in closed form (Kingma & Welling 2014, appendix B), per row n of
// mu[N,L] and log-variances v[N,L], then the mean over rows:
//   KL_n = 1/2 sum_j (mu_nj^2 + exp(v_nj) - 1 - v_nj)          L = 1/N sum_n KL_n  (nats)
//   dL/dmu = mu / N          dL/dv = (exp(v) - 1) / (2 N)
#include "aekit/tensor/matrix.hpp"

namespace aekit::loss {

double gaussian_kl(ConstMatrixRef mu, ConstMatrixRef log_variance);
// Adds weight * dL/dmu to dmu and weight * dL/dv to dv.
void add_gaussian_kl_gradient(ConstMatrixRef mu, ConstMatrixRef log_variance, double weight, MatrixRef dmu,
                              MatrixRef dv);

}  // namespace aekit::loss
