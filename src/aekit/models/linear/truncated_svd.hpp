#pragma once
// The top k right singular vectors and singular values of A[N,D], A = U S V^T, computed
// exactly through a symmetric eigen-problem of size min(N, D) (PCA's exact solver; the
// randomized one is models/randomized_svd.hpp):
//   N >= D   A^T A [D,D] = V S^2 V^T                              (the covariance, unscaled)
//   N <  D   A A^T [N,N] = U S^2 U^T,  V^T = S^-1 U^T A            (the Gram matrix of the rows)
// Both products are tensor/gram.hpp (N min(N,D)^2 / 2 multiply-adds, threaded); the
// eigen-problem is solved in double. Rounding: A^T A squares the condition number, so
// singular values below about sqrt(eps) s_1 carry a large relative error (harmless for PCA,
// whose variances are the squares).
#include <Eigen/Core>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct TruncatedSvd {
  Matrix vt;                        // [k, D] right singular vectors, one per row
  Eigen::VectorXd singular_values;  // [k] descending
};

// Requires 1 <= k <= min(N, D).
TruncatedSvd exact_svd(ConstMatrixRef a, Index k);

// The same from c[D,D] = A^T A (N >= D), e.g. tensor/gram.hpp's gram_tn_centred: V^T = the
// top k eigenvectors of c, S = sqrt(their eigenvalues). Requires 1 <= k <= D.
TruncatedSvd svd_from_covariance(ConstMatrixRef c, Index k);

// The top k of B[L,D] (L small) from its row Gram matrix: B B^T = W S^2 W^T,
// V^T = S^-1 W^T B. A singular value below 1e-6 s_1 is floored there when dividing (its row
// of V^T is then ~zero instead of noise blown up), and all rows are zero when B is.
TruncatedSvd svd_from_row_gram(ConstMatrixRef b, Index k);

}  // namespace aekit::models
