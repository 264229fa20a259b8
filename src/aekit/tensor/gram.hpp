#pragma once
// Gram matrices, the symmetric products behind covariance matrices (PCA) and orthonormal
// bases (randomized SVD), at half the cost of a general GEMM.
//
//   gram_tn          c[D,D] = a[N,D]^T a[N,D]    c_ij = sum_n a_ni a_nj
//   gram_nt          c[N,N] = a[N,D] a[N,D]^T    c_ij = sum_d a_id a_jd  (Gram matrix of rows)
//   gram_tn_centred  c[D,D] = (a - 1 m)^T (a - 1 m) for a row m[1,D] (N - 1 times the sample
//                    covariance when m is the column mean), without forming a - 1 m: rows
//                    are centred into a buffer a chunk at a time (chunk_rows, or as many
//                    as fit in 32 MiB), and each chunk's product is added to c in order
//
// Only the lower triangle is computed, as block columns of at most 128 columns (a multiple
// of 16): block column j is c[j:, j:j+b], one single-threaded Eigen GEMM. The block columns
// are spread over the OpenMP threads, largest first; then the upper triangle is mirrored
// from the lower. Each block column is always computed by the same code whichever thread
// takes it, and nothing is reduced across threads, so the result does not depend on the
// thread count. c must not alias a.
#include "aekit/tensor/matrix.hpp"

namespace aekit {

void gram_tn(ConstMatrixRef a, MatrixRef c);
void gram_nt(ConstMatrixRef a, MatrixRef c);
void gram_tn_centred(ConstMatrixRef a, const RowVector& m, MatrixRef c, Index chunk_rows = 0);

}  // namespace aekit
