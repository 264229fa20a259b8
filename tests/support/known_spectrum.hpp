#pragma once
// Matrices whose singular vectors and values are known, for testing PCA and SVD solvers.
//
//   random_orthonormal_rows(k, D)   Q[k,D] with Q Q^T = I: the orthonormalized rows of a
//                                   Gaussian matrix (Householder QR in double), so uniformly
//                                   distributed over the k-dimensional subspaces; with
//                                   orthogonal_to_ones also Q 1 = 0 (k < D)
//   known_spectrum(N, D, s)         A[N,D] = U diag(s) V^T with U^T U = V^T V = I (r = s.size()
//                                   <= min(N, D)), and its V^T[r,D]; with centred also
//                                   U^T 1 = 0, so every column of A has mean 0 and the
//                                   sample covariance is V diag(s^2) V^T / (N - 1) exactly
#include <Eigen/QR>
#include <vector>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::test {

inline Matrix random_orthonormal_rows(Index k, Index d, Rng& rng, bool orthogonal_to_ones = false) {
  const Index first = orthogonal_to_ones ? 1 : 0;  // QR of [1 | G]: drop the first column
  Eigen::MatrixXd g(d, k + first);
  for (Index i = 0; i < g.size(); ++i) g.data()[i] = rng.normal();
  if (orthogonal_to_ones) g.col(0).setOnes();
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(g);
  const Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(d, k + first);
  return q.rightCols(k).transpose().cast<Scalar>();
}

struct KnownSpectrum {
  Matrix a;                     // [N, D]
  Matrix vt;                    // [r, D] right singular vectors, one per row
  std::vector<double> singular_values;
};

inline KnownSpectrum known_spectrum(Index n, Index d, const std::vector<double>& s, Rng& rng,
                                    bool centred = false) {
  const Index r = Index(s.size());
  const Eigen::MatrixXd u = random_orthonormal_rows(r, n, rng, centred).cast<double>().transpose();
  const Eigen::MatrixXd vt = random_orthonormal_rows(r, d, rng).cast<double>();
  const Eigen::VectorXd sv = Eigen::Map<const Eigen::VectorXd>(s.data(), r);
  return {(u * sv.asDiagonal() * vt).cast<Scalar>(), vt.cast<Scalar>(), s};
}

}  // namespace aekit::test
