#include "aekit/models/pca.hpp"

#include <Eigen/Eigenvalues>
#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::models {

Pca Pca::fit(ConstMatrixRef x, Index components) {
  const Index n = x.rows(), d = x.cols();
  if (components < 1 || components > std::min(n, d))
    throw UsageError(fmt::format("PCA components must be between 1 and min(samples, features) = "
                                 "{}, found {}", std::min(n, d), components));
  Pca pca;
  pca.mean_ = x.colwise().mean();
  const Matrix centred = x.rowwise() - pca.mean_;
  Matrix covariance(d, d);
  gemm_tn(centred, centred, covariance);  // threaded GEMM; eigen-solve in double
  const Eigen::MatrixXd c = covariance.cast<double>() / double(n);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(c);
  if (solver.info() != Eigen::Success) throw Error("PCA: the eigen-solver did not converge");
  // Eigenvalues come in ascending order: take the last `components`, largest first.
  pca.components_.resize(components, d);
  pca.explained_variance_.resize(components);
  for (Index k = 0; k < components; ++k) {
    const Index source = d - 1 - k;
    pca.components_.row(k) = solver.eigenvectors().col(source).transpose().cast<Scalar>();
    pca.explained_variance_[k] = Scalar(solver.eigenvalues()[source]);
  }
  pca.total_variance_ = c.trace();
  return pca;
}

Matrix Pca::encode(ConstMatrixRef x) const {
  const Matrix centred = x.rowwise() - mean_;
  Matrix codes(x.rows(), components_.rows());
  gemm_nt(centred, components_, codes);
  return codes;
}

Matrix Pca::decode(ConstMatrixRef codes) const {
  Matrix x(codes.rows(), components_.cols());
  gemm_nn(codes, components_, x);
  x.rowwise() += mean_;
  return x;
}

}  // namespace aekit::models
