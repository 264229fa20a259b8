#include "aekit/eval/frechet_distance.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>

#include "aekit/error.hpp"

namespace aekit::eval {

GaussianStats gaussian_stats(ConstMatrixRef rows) {
  if (rows.rows() < 2) throw Error(fmt::format("Fréchet distance: expected at least 2 rows, found {}", rows.rows()));
  const Eigen::MatrixXd x = rows.cast<double>();
  GaussianStats s;
  s.mean = x.colwise().mean().transpose();
  const Eigen::MatrixXd centred = x.rowwise() - s.mean.transpose();
  s.covariance = centred.transpose() * centred / double(x.rows() - 1);
  return s;
}

double frechet_distance(const GaussianStats& a, const GaussianStats& b) {
  if (a.mean.size() != b.mean.size())
    throw Error(fmt::format("Fréchet distance: features of {} and {} values", a.mean.size(), b.mean.size()));
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> ea(a.covariance);
  const Eigen::VectorXd root = ea.eigenvalues().cwiseMax(0.0).cwiseSqrt();
  const Eigen::MatrixXd sqrt_a = ea.eigenvectors() * root.asDiagonal() * ea.eigenvectors().transpose();
  const Eigen::MatrixXd middle = sqrt_a * b.covariance * sqrt_a;
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> em(0.5 * (middle + middle.transpose()), Eigen::EigenvaluesOnly);
  const double cross = em.eigenvalues().cwiseMax(0.0).cwiseSqrt().sum();
  return (a.mean - b.mean).squaredNorm() + a.covariance.trace() + b.covariance.trace() - 2 * cross;
}

}  // namespace aekit::eval
