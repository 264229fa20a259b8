#pragma once
// Gram matrices, the symmetric products behind covariance matrices (PCA) and orthonormal
// bases (randomized SVD), at half the cost of a general GEMM.
//
//   gram_tn          c[D,D] = a[N,D]^T a[N,D]    c_ij = sum_n a_ni a_nj
//   gram_nt          c[N,N] = a[N,D] a[N,D]^T    c_ij = sum_d a_id a_jd  (Gram matrix of rows)
//   gram_tn_centred  c[D,D] = (a - 1 m)^T (a - 1 m) for a row m[1,D] (N - 1 times the sample
//                    covariance when m is the column mean), without forming a - 1 m: as
//                    a^T a - N m^T m (entries in double) when that cancels at most 4 of
//                    float's 24 bits (a^T a's diagonal at most 16 times the centred one's;
//                    Fashion-MNIST in [0, 1]: 6.8); otherwise the product is formed again
//                    with the rows centred as they are packed, chunk_rows (default 128) at a
//                    time. Data far from zero against their spread so cost two products.
//
// Only the lower triangle is computed; then the upper one is mirrored from it.
// gram_tn and gram_tn_centred (the PCA covariance, N D^2 / 2 multiply-adds, the bulk of a
// PCA fit) run their own kernel: c is cut into block columns ("panels") 3 SIMD registers
// wide (48 floats with AVX-512), and tiles of 8 rows x 1 panel (4 x 1 with AVX, 2 x 1 with
// SSE) are accumulated in registers over a chunk of rows of a, packed panel by panel into a
// buffer that stays in L2: per row of a, a tile costs 3 loads, 8 broadcasts and 24 fused
// multiply-adds, and a row whose 8 values are all zero is skipped (exact, up to a 0 * inf
// that would have made a NaN; on Fashion-MNIST 30% of the work). The panels are split into
// one group of consecutive panels of about equal work per thread; a group runs over
// all N rows in order, with no barrier.
// gram_nt (small L x L Gram matrices of bases) runs block columns of at most 128 columns
// (a multiple of 16), one single-threaded Eigen GEMM each, spread over the threads.
// Either way each entry of c is computed by the same code in the same order whichever
// thread takes it, and nothing is reduced across threads, so the result does not depend on
// the thread count. c must not alias a.
#include "aekit/tensor/matrix.hpp"

namespace aekit {

void gram_tn(ConstMatrixRef a, MatrixRef c);
void gram_nt(ConstMatrixRef a, MatrixRef c);
void gram_tn_centred(ConstMatrixRef a, const RowVector& m, MatrixRef c, Index chunk_rows = 0);

}  // namespace aekit
