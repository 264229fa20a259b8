#pragma once
// Principal component analysis, the linear baseline every autoencoder is compared with.
//
// Fit on X[N,D]: mean m[1,D], centred Xc = X - m, sample covariance
// C = Xc^T Xc / (N - 1) [D,D] (N - 1 as scikit-learn; 1 when N = 1). Its top-k eigenvectors
// are the rows of the components V[k,D], in descending order of their eigenvalues lambda[k]
// (the explained variance), each signed so that its largest |entry| is positive. The solver
// (exact or randomized, models/pca_config.hpp) finds them as the top right singular vectors
// of Xc = U S V^T: lambda = s^2 / (N - 1).
//   explained variance ratio   lambda_i / trace(C)      trace(C) = total variance of X
//   encode   c[N,k]  = (x - m) V^T W^-1                  W = diag(sqrt(lambda)) if whiten,
//   decode   x^[N,D] = c W V + m                         else the identity
// Whitened codes have unit sample variance on the training data and are uncorrelated.
// decode(encode(x)) is the orthogonal projection of x onto the best k-dimensional affine
// subspace, whitened or not (lectures 003/004: the optimal linear autoencoder, with encoder
// W^-1 V and decoder V^T W, spans the same subspace).
#include <Eigen/Core>

#include "aekit/models/linear/pca_config.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class Pca {
 public:
  // Throws UsageError for a config that does not fit X[N,D] (PcaConfig::validate) and
  // aekit::Error for non-finite data or, when whitening, a component of zero variance.
  static Pca fit(ConstMatrixRef x, const PcaConfig& config);
  // `components` components, no whitening, the automatic solver.
  static Pca fit(ConstMatrixRef x, Index components);
  // A fitted PCA from its parts (a model file): mean [1,D], components V [k,D], variances
  // lambda [k], trace(C). Throws aekit::Error when the sizes disagree.
  static Pca from_parts(RowVector mean, Matrix components, Eigen::VectorXd explained_variance,
                        double total_variance, bool whiten, PcaSolver solver);

  // Throw aekit::Error when the width is not D (encode, reconstruct) or k (decode).
  Matrix encode(ConstMatrixRef x) const;       // x[N,D] -> c[N,k]
  Matrix decode(ConstMatrixRef codes) const;   // c[N,k] -> x^[N,D]
  Matrix reconstruct(ConstMatrixRef x) const { return decode(encode(x)); }

  Index input_size() const { return components_.cols(); }  // D
  Index code_size() const { return components_.rows(); }   // k
  const Matrix& components() const { return components_; }  // V [k, D], orthonormal rows
  const RowVector& mean() const { return mean_; }             // m [1, D]
  const Eigen::VectorXd& explained_variance() const { return explained_variance_; }  // lambda [k]
  // lambda / trace(C) [k]; zeros for constant data (trace 0).
  Eigen::VectorXd explained_variance_ratio() const;
  double total_variance() const { return total_variance_; }  // trace of C
  bool whiten() const { return whiten_; }
  PcaSolver solver() const { return solver_; }  // the one that ran: exact or randomized

 private:
  Matrix components_;
  RowVector mean_;
  Eigen::VectorXd explained_variance_;
  double total_variance_ = 0;
  bool whiten_ = false;
  PcaSolver solver_ = PcaSolver::exact;
};

}  // namespace aekit::models
