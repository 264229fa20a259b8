#pragma once
// The largest eigenpairs of a symmetric matrix, in double precision (the eigen-problems of
// PCA: a covariance, a Gram matrix, a Rayleigh-Ritz projection).
//
//   c[n,n] = sum_i lambda_i u_i u_i^T,   lambda_1 >= lambda_2 >= ... >= lambda_n
//   top_eigenpairs(c, k) -> values[k] = lambda_1..k (descending), vectors[n,k] = u_1..k
//                           (orthonormal columns)
// Throws aekit::Error if the solver does not converge (as with non-finite entries).
#include <Eigen/Core>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct Eigenpairs {
  Eigen::VectorXd values;   // [k], descending
  Eigen::MatrixXd vectors;  // [n, k], column i belongs to values[i]
};

// Requires 1 <= k <= n. c need be symmetric only up to rounding: the solver sees
// (c + c^T) / 2 in double.
Eigenpairs top_eigenpairs(ConstMatrixRef c, Index k);

}  // namespace aekit::models
