#include "aekit/retrieval/iterative_quantization.hpp"

#include <fmt/format.h>

#include <Eigen/QR>
#include <Eigen/SVD>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::retrieval {
namespace {

Eigen::MatrixXd signs(const Eigen::MatrixXd& m) {
  return m.unaryExpr([](double x) { return x > 0 ? 1.0 : -1.0; });
}

// A random orthogonal matrix: the Q of a Gaussian matrix's QR.
Eigen::MatrixXd random_rotation(Index size, std::uint64_t seed) {
  Rng rng(seed);
  Eigen::MatrixXd gaussian(size, size);
  for (Index i = 0; i < size; ++i)
    for (Index j = 0; j < size; ++j) gaussian(i, j) = rng.normal();
  return Eigen::HouseholderQR<Eigen::MatrixXd>(gaussian).householderQ();
}

}  // namespace

BinaryCodes IterativeQuantization::codes(const FloatMatrix& projected) const {
  AEKIT_ASSERT(projected.cols() == rotation.rows());
  const FloatMatrix rotated = (projected.cast<double>() * rotation).cast<float>();
  return BinaryCodes::threshold(rotated, std::vector<float>(std::size_t(rotated.cols()), 0.0f));
}

double quantization_loss(const FloatMatrix& projected, const Eigen::MatrixXd& rotation) {
  const Eigen::MatrixXd rotated = projected.cast<double>() * rotation;
  return (signs(rotated) - rotated).squaredNorm();
}

IterativeQuantization fit_iterative_quantization(const FloatMatrix& projected, int iterations, std::uint64_t seed) {
  if (projected.rows() < 1 || projected.cols() < 1 || iterations < 1)
    throw UsageError(fmt::format("iterative quantization: expected data and iterations >= 1, found {} rows of {} "
                                 "columns and {} iterations",
                                 projected.rows(), projected.cols(), iterations));
  const Eigen::MatrixXd v = projected.cast<double>();
  IterativeQuantization fit{random_rotation(v.cols(), seed), {}};
  for (int t = 0; t < iterations; ++t) {
    const Eigen::MatrixXd rotated = v * fit.rotation;
    const Eigen::MatrixXd b = signs(rotated);  // B-step
    fit.loss.push_back((b - rotated).squaredNorm());
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(b.transpose() * v, Eigen::ComputeFullU | Eigen::ComputeFullV);
    fit.rotation = svd.matrixV() * svd.matrixU().transpose();  // R-step: R = S_hat S^T
  }
  return fit;
}

}  // namespace aekit::retrieval
