#include "aekit/models/sparse/lasso_gap.hpp"

#include <algorithm>
#include <cmath>

namespace aekit::models {

void residual_correlations(const Matrix& gram, const Scalar* c, const Scalar* h, double* q) {
  const Index k = gram.rows();
  Eigen::Map<Eigen::RowVectorXd> q_row(q, k);
  q_row = Eigen::Map<const RowVector>(c, k).cast<double>();
  for (Index j = 0; j < k; ++j)
    if (h[j] != 0) q_row -= double(h[j]) * gram.row(j).cast<double>();
}

LassoGap lasso_duality_gap(const Scalar* h, const Scalar* c, const double* q, Index k,
                           double x_sq, double alpha) {
  double hc = 0, hq = 0, l1 = 0, q_max = 0;
  for (Index j = 0; j < k; ++j) {
    hc += double(h[j]) * c[j];
    hq += double(h[j]) * q[j];
    l1 += std::abs(double(h[j]));
    q_max = std::max(q_max, std::abs(q[j]));
  }
  const double r_sq = std::max(0.0, x_sq - hc - hq);
  const double r_x = x_sq - hc;
  const double s = q_max > alpha ? alpha / q_max : 1.0;
  const double primal = 0.5 * r_sq + alpha * l1;
  const double dual = s * r_x - 0.5 * s * s * r_sq;
  return {primal, std::max(0.0, primal - dual)};
}

}  // namespace aekit::models
