#include "aekit/loss/gaussian_kl.hpp"

#include "aekit/error.hpp"

namespace aekit::loss {

double gaussian_kl(ConstMatrixRef mu, ConstMatrixRef log_variance) {
  AEKIT_ASSERT(mu.rows() == log_variance.rows() && mu.cols() == log_variance.cols());
  if (mu.rows() == 0) return 0;
  const auto v = log_variance.array().cast<double>();
  const double sum = (mu.array().cast<double>().square() + v.exp() - 1 - v).sum();
  return 0.5 * sum / double(mu.rows());
}

void add_gaussian_kl_gradient(ConstMatrixRef mu, ConstMatrixRef log_variance, double weight, MatrixRef dmu,
                              MatrixRef dv) {
  AEKIT_ASSERT(mu.rows() == log_variance.rows() && mu.cols() == log_variance.cols());
  AEKIT_ASSERT(dmu.rows() == mu.rows() && dmu.cols() == mu.cols() && dv.rows() == mu.rows() && dv.cols() == mu.cols());
  if (mu.rows() == 0) return;
  const Scalar scale = Scalar(weight / double(mu.rows()));
  dmu.array() += scale * mu.array();
  dv.array() += (scale / 2) * (log_variance.array().exp() - 1);
}

}  // namespace aekit::loss
