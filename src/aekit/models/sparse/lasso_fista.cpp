#include "aekit/models/sparse/lasso_fista.hpp"

#include <algorithm>
#include <cmath>

#include "aekit/models/sparse/lasso_gap.hpp"
#include "aekit/models/sparse/soft_threshold.hpp"

namespace aekit::models {

LassoRowResult lasso_fista_block(const Matrix& gram, double lipschitz, ConstMatrixRef c,
                                 const double* x_sq, double alpha, const LassoOptions& options,
                                 MatrixRef codes, double* objective, FistaWorkspace& work) {
  const Index rows = codes.rows(), k = codes.cols();
  if (lipschitz <= 0) {  // every atom is zero: so is every code
    codes.setZero();
    for (Index i = 0; i < rows; ++i) objective[i] = 0.5 * x_sq[i];
    return {0, true, 0};
  }
  const Scalar step = Scalar(1 / lipschitz), threshold = Scalar(alpha / lipschitz);
  work.y = codes;
  work.previous.resize(rows, k);
  work.product.resize(rows, k);
  work.t.assign(std::size_t(rows), Scalar(1));
  work.q.resize(k);
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    work.previous = codes;
    work.product.noalias() = work.y * gram;  // Y G (G symmetric)
    bool small_steps = true;
    for (Index i = 0; i < rows; ++i) {
      Scalar* h = codes.row(i).data();
      Scalar* y = work.y.row(i).data();
      const Scalar* h_old = work.previous.row(i).data();
      const Scalar* yg = work.product.row(i).data();
      const Scalar* ci = c.row(i).data();
      Scalar max_change = 0, max_code = 0, against_momentum = 0;
      for (Index j = 0; j < k; ++j) {
        h[j] = soft_threshold(y[j] - step * (yg[j] - ci[j]), threshold);
        max_change = std::max(max_change, std::abs(h[j] - h_old[j]));
        max_code = std::max(max_code, std::abs(h[j]));
        against_momentum += (y[j] - h[j]) * (h[j] - h_old[j]);
      }
      small_steps = small_steps &&
                    (max_code == 0 || max_change <= Scalar(options.tolerance) * max_code);
      Scalar& t = work.t[std::size_t(i)];
      if (against_momentum > 0) t = 1;  // restart: y' = h'
      const Scalar t_next = (1 + std::sqrt(1 + 4 * t * t)) / 2;
      const Scalar momentum = (t - 1) / t_next;
      for (Index j = 0; j < k; ++j) y[j] = h[j] + momentum * (h[j] - h_old[j]);
      t = t_next;
    }
    if (!small_steps && iteration % kFistaGapInterval != 0 &&
        iteration < options.max_iterations)
      continue;
    bool converged = true;
    for (Index i = 0; i < rows; ++i) {
      residual_correlations(gram, c.row(i).data(), codes.row(i).data(), work.q.data());
      const LassoGap gap = lasso_duality_gap(codes.row(i).data(), c.row(i).data(),
                                             work.q.data(), k, x_sq[i], alpha);
      objective[i] = gap.primal;
      converged = converged && gap.gap <= options.tolerance * x_sq[i];
    }
    if (converged || iteration == options.max_iterations) return {iteration, converged, 0};
  }
  return {options.max_iterations, false, 0};  // not reached: the last step returns
}

}  // namespace aekit::models
