#include "aekit/eval/principal_angles.hpp"

#include <fmt/format.h>

#include <Eigen/QR>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit::eval {
namespace {

// Q[D,k]: an orthonormal basis of the row space of rows[k,D].
Eigen::MatrixXd orthonormal_basis(ConstMatrixRef rows, const char* which) {
  const Eigen::MatrixXd t = rows.transpose().cast<double>();
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(t);
  if (qr.rank() < rows.rows())
    throw Error(fmt::format("principal angles: the {} matrix's {} rows are linearly dependent "
                            "(rank {}), so they are no basis of a {}-dimensional subspace",
                            which, rows.rows(), qr.rank(), rows.rows()));
  return qr.householderQ() * Eigen::MatrixXd::Identity(t.rows(), t.cols());
}

}  // namespace

std::vector<double> principal_angles(ConstMatrixRef a, ConstMatrixRef b) {
  if (a.rows() == 0 || b.rows() == 0)
    throw Error(fmt::format("principal angles need at least one direction on each side, found "
                            "{} and {}", a.rows(), b.rows()));
  if (a.cols() != b.cols())
    throw Error(fmt::format("principal angles: the subspaces lie in spaces of different "
                            "dimension ({} and {} columns)", a.cols(), b.cols()));
  const Eigen::MatrixXd q1 = orthonormal_basis(a, "first"), q2 = orthonormal_basis(b, "second");
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(q1.transpose() * q2);
  std::vector<double> angles;  // singular values descend, so the angles ascend
  for (Index i = 0; i < svd.singularValues().size(); ++i)
    angles.push_back(std::acos(std::clamp(svd.singularValues()[i], 0.0, 1.0)));
  return angles;
}

double largest_principal_angle(ConstMatrixRef a, ConstMatrixRef b) {
  return principal_angles(a, b).back();
}

}  // namespace aekit::eval
