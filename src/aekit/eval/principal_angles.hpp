#pragma once
// Principal angles between two subspaces of R^D (Björck & Golub 1973): how far apart two
// sets of directions are, whatever basis each is given in. Used to check that a linear
// autoencoder learns PCA's subspace (lecture 004) and that two PCA solvers agree.
//
// Each subspace is the row space of a matrix: a[k1,D], b[k2,D] (PCA components V[k,D]; a
// decoder weight W'[D,k] is passed transposed). In double precision:
//   Q1[D,k1], Q2[D,k2]   orthonormal bases of the two row spaces (Householder QR of a^T, b^T)
//   theta_i = acos(sigma_i(Q1^T Q2)),  i = 1..min(k1, k2),  ascending in [0, pi/2]
// theta = 0 for a shared direction, pi/2 for an orthogonal one. Equal subspaces (k1 = k2)
// have all angles 0; the largest angle is then the distance between them
// (sin theta_max = || Q1 Q1^T - Q2 Q2^T ||_2).
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::eval {

// Radians, ascending. Throws aekit::Error if a or b has no rows, their widths differ, or
// their rows are linearly dependent (no basis of a k-dimensional subspace).
std::vector<double> principal_angles(ConstMatrixRef a, ConstMatrixRef b);

// The largest of them, in radians.
double largest_principal_angle(ConstMatrixRef a, ConstMatrixRef b);

}  // namespace aekit::eval
