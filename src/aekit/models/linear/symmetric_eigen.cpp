#include "aekit/models/linear/symmetric_eigen.hpp"

#include <Eigen/Eigenvalues>

#include "aekit/error.hpp"

namespace aekit::models {

Eigenpairs top_eigenpairs(ConstMatrixRef c, Index k) {
  AEKIT_ASSERT(c.rows() == c.cols() && k >= 1 && k <= c.rows());
  const Eigen::MatrixXd d = c.cast<double>();
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(0.5 * (d + d.transpose()));
  if (solver.info() != Eigen::Success)
    throw Error("the symmetric eigen-solver did not converge (does the data hold NaN or "
                "infinite values?)");
  // Eigen gives the eigenvalues in ascending order: take the last k, largest first.
  const Index n = c.rows();
  Eigenpairs top{Eigen::VectorXd(k), Eigen::MatrixXd(n, k)};
  for (Index i = 0; i < k; ++i) {
    top.values[i] = solver.eigenvalues()[n - 1 - i];
    top.vectors.col(i) = solver.eigenvectors().col(n - 1 - i);
  }
  return top;
}

}  // namespace aekit::models
