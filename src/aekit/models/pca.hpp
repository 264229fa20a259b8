#pragma once
// Principal component analysis, the linear baseline every autoencoder is compared with.
//
// Fit on X[N,D]: mean m[1,D]; covariance C = (X - m)^T (X - m) / N  [D,D]; its top-k
// eigenvectors (descending eigenvalue) are the rows of the components V[k,D].
//   encode  c[N,k] = (x - m) V^T          decode  x^[N,D] = c V + m
// The reconstruction x^ is the orthogonal projection onto the best k-dimensional affine
// subspace (lectures 003/004: the optimal linear autoencoder spans the same subspace).
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class Pca {
 public:
  // Requires 1 <= components <= min(N, D); throws UsageError otherwise.
  static Pca fit(ConstMatrixRef x, Index components);

  Matrix encode(ConstMatrixRef x) const;
  Matrix decode(ConstMatrixRef codes) const;
  Matrix reconstruct(ConstMatrixRef x) const { return decode(encode(x)); }

  const Matrix& components() const { return components_; }           // V [k, D]
  const RowVector& mean() const { return mean_; }                      // m [1, D]
  const Vector& explained_variance() const { return explained_variance_; }  // top-k eigenvalues
  double total_variance() const { return total_variance_; }            // trace of C

 private:
  Matrix components_;
  RowVector mean_;
  Vector explained_variance_;
  double total_variance_ = 0;
};

}  // namespace aekit::models
