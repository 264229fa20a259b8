#include "aekit/models/sparse/lasso_cd.hpp"

#include <algorithm>
#include <cmath>

#include "aekit/models/sparse/lasso_gap.hpp"
#include "aekit/models/sparse/soft_threshold.hpp"

namespace aekit::models {
using DoubleRow = Eigen::Map<Eigen::RowVectorXd>;

LassoRowResult lasso_cd_row(const Matrix& gram, const Scalar* c, double x_sq, double alpha,
                            const LassoOptions& options, Scalar* h, double* q) {
  const Index k = gram.rows();
  DoubleRow q_row(q, k);
  residual_correlations(gram, c, h, q);
  for (int sweep = 1; sweep <= options.max_iterations; ++sweep) {
    double max_change = 0, max_code = 0;
    for (Index j = 0; j < k; ++j) {
      const double g_jj = gram(j, j);
      if (g_jj <= 0) {  // an all-zero atom
        h[j] = 0;
        continue;
      }
      const Scalar old = h[j];
      const Scalar updated = Scalar(soft_threshold(q[j] + g_jj * old, alpha) / g_jj);
      if (updated != old) {
        const double change = double(updated) - double(old);
        q_row -= change * gram.row(j).cast<double>();
        h[j] = updated;
        max_change = std::max(max_change, std::abs(change));
      }
      max_code = std::max(max_code, std::abs(double(updated)));
    }
    const bool small_steps = max_code == 0 || max_change <= options.tolerance * max_code;
    if (small_steps || sweep == options.max_iterations) {
      residual_correlations(gram, c, h, q);  // exact again after the incremental updates
      const LassoGap gap = lasso_duality_gap(h, c, q, k, x_sq, alpha);
      if (gap.gap <= options.tolerance * x_sq || sweep == options.max_iterations)
        return {sweep, gap.gap <= options.tolerance * x_sq, gap.primal};
    }
  }
  return {options.max_iterations, false, 0};  // not reached: the last sweep returns
}

}  // namespace aekit::models
