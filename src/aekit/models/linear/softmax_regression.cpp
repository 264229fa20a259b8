#include "aekit/models/linear/softmax_regression.hpp"

#include "aekit/error.hpp"
#include "aekit/loss/softmax_cross_entropy.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/reduce.hpp"

namespace aekit::models {
namespace {

using RowMajorMatrixXd = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

}  // namespace

Matrix softmax_weights(const Eigen::VectorXd& theta, Index classes, Index features) {
  AEKIT_ASSERT(theta.size() == classes * (features + 1));
  return Eigen::Map<const RowMajorMatrixXd>(theta.data(), classes, features).cast<Scalar>();
}

Matrix softmax_bias(const Eigen::VectorXd& theta, Index classes) {
  return theta.tail(classes).transpose().cast<Scalar>();
}

void softmax_scores(ConstMatrixRef x, ConstMatrixRef w, ConstMatrixRef b, MatrixRef z) {
  AEKIT_ASSERT(b.rows() == 1 && b.cols() == w.rows());
  gemm_nt(x, w, z);
  z.rowwise() += b.row(0);
}

SoftmaxRegressionObjective::SoftmaxRegressionObjective(ConstMatrixRef x,
                                                       std::span<const int> labels,
                                                       Index classes, double penalty)
    : x_(x),
      labels_(labels),
      classes_(classes),
      penalty_(penalty),
      z_(x.rows(), classes),
      dz_(x.rows(), classes),
      dw_transposed_(x.cols(), classes),
      column_sums_(1, classes) {
  AEKIT_ASSERT(Index(labels.size()) == x.rows() && classes >= 1 && penalty >= 0);
}

double SoftmaxRegressionObjective::operator()(const Eigen::VectorXd& theta,
                                              Eigen::VectorXd& gradient) {
  const Index n = x_.rows(), k = x_.cols(), c = classes_;
  AEKIT_ASSERT(theta.size() == parameter_count() && gradient.size() == parameter_count());
  softmax_scores(x_, softmax_weights(theta, c, k), softmax_bias(theta, c), z_);
  const auto w = theta.head(c * k);
  const double value =
      loss::softmax_cross_entropy(z_, labels_) + penalty_ / (2.0 * n) * w.squaredNorm();

  loss::softmax_cross_entropy_gradient(z_, labels_, dz_);
  gemm_tn(x_, dz_, dw_transposed_);  // x^T dz: split over the K rows, so over the threads
  Eigen::Map<RowMajorMatrixXd>(gradient.data(), c, k) =
      dw_transposed_.transpose().cast<double>();
  gradient.head(c * k) += penalty_ / double(n) * w;
  column_sums_.setZero();
  add_column_sums(dz_, column_sums_);
  gradient.tail(c) = column_sums_.row(0).transpose().cast<double>();
  return value;
}

}  // namespace aekit::models
