#pragma once
// Randomized truncated SVD (Halko, Martinsson & Tropp 2011, "Finding structure with
// randomness", Algorithms 4.4 and 5.1): the top k right singular vectors and singular values
// of A[N,D] (PCA passes its centred data).
//
//   L = min(k + oversampling, N, D) random directions Omega[L,D] ~ N(0, 1) drawn from `rng`,
//   then q power (subspace) iterations, every basis re-orthonormalized (orth below):
//     data route        Y^T = Omega A^T;  q times: Z^T = orth(Y^T) A,  Y^T = orth(Z^T) A^T
//                       Q^T = orth(Y^T) [L,N];  B = Q^T A [L,D];  B B^T = W S^2 W^T,
//                       V^T = S^-1 W^T B  (svd_from_row_gram, models/truncated_svd.hpp)
//     covariance route  C = A^T A [D,D] once;  Z^T = Omega;  q+1 times: Z^T = orth(Z^T) C;
//                       Z^T = orth(Z^T) [L,D];  Z^T C Z = W S^2 W^T;  V^T = W^T Z^T
//   Both search span((A^T A)^(q+1) Omega^T) and keep its top k directions (the covariance
//   route by Rayleigh-Ritz on C, the best k-dimensional choice within that span). The data
//   route costs (2q + 2) N D L multiply-adds; the covariance route N D^2 / 2 for C
//   (tensor/gram.hpp) plus (q + 2) D^2 L, which is less when D is below about 4 (q + 1) L
//   (Fashion-MNIST's 784 pixels with k = 32, q = 7). `automatic` takes the cheaper one.
//
// orth(M) orthonormalizes the rows of M[L,K] through their Gram matrix (SVQB, Stathopoulos &
// Wu 2002): M M^T = U diag(mu) U^T, M <- diag(mu^-1/2) U^T M, twice (one pass leaves an error
// of about eps cond(M)^2, the second removes it). mu is floored at 1e-12 mu_max, so a basis
// larger than the rank of A divides by nothing small; directions beyond that rank come out
// with singular value ~0 (on the data route as ~zero rows of V^T).
//
// The passes over A and C = A^T A are the project's threaded products (tensor/gemm.hpp,
// tensor/gram.hpp); products under ~3e7 multiply-adds (the covariance route's iterations,
// the L x L basis rotations) run on the calling thread, and the L x L eigen-problems are
// solved in double. Same rng state and thread count, same result.
#include "aekit/models/linear/truncated_svd.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

enum class SvdRoute { automatic, data, covariance };

struct RandomizedSvdOptions {
  Index oversampling = 10;
  int power_iterations = 4;
  SvdRoute route = SvdRoute::automatic;
};

// The route randomized_svd takes for A[N,D] and k (`automatic`: the cheaper one).
SvdRoute randomized_svd_route(Index n, Index d, Index k, const RandomizedSvdOptions& options);

// Requires 1 <= k <= min(N, D), oversampling >= 0, power_iterations >= 0.
TruncatedSvd randomized_svd(ConstMatrixRef a, Index k, const RandomizedSvdOptions& options,
                            Rng& rng);

// The covariance route from c[D,D] = A^T A given (e.g. tensor/gram.hpp's gram_tn_centred),
// for A with n rows; the same directions Omega and the same result as randomized_svd on A
// up to rounding. options.route is not consulted.
TruncatedSvd randomized_svd_from_covariance(ConstMatrixRef c, Index n, Index k,
                                            const RandomizedSvdOptions& options, Rng& rng);

}  // namespace aekit::models
