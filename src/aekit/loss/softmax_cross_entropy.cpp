#include "aekit/loss/softmax_cross_entropy.hpp"

#include <cmath>

#include "aekit/error.hpp"

namespace aekit::loss {
namespace {

void check_shapes(ConstMatrixRef z, std::span<const int> labels) {
  AEKIT_ASSERT(z.rows() == Index(labels.size()));
  for (const int label : labels) AEKIT_ASSERT(label >= 0 && label < z.cols());
}

}  // namespace

double softmax_cross_entropy(ConstMatrixRef z, std::span<const int> labels) {
  check_shapes(z, labels);
  double total = 0;
  for (Index n = 0; n < z.rows(); ++n) {
    const auto row = z.row(n).array();
    const Scalar top = row.maxCoeff();
    total += double(top) + std::log(double((row - top).exp().sum())) - double(z(n, labels[n]));
  }
  return total / double(z.rows());
}

void softmax_cross_entropy_gradient(ConstMatrixRef z, std::span<const int> labels, MatrixRef dz) {
  check_shapes(z, labels);
  AEKIT_ASSERT(dz.rows() == z.rows() && dz.cols() == z.cols());
  const Scalar inverse_n = Scalar(1) / Scalar(z.rows());
  for (Index n = 0; n < z.rows(); ++n) {
    dz.row(n) = (z.row(n).array() - z.row(n).maxCoeff()).exp().matrix();
    dz.row(n) *= inverse_n / dz.row(n).sum();
    dz(n, labels[n]) -= inverse_n;
  }
}

}  // namespace aekit::loss
