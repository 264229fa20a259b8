#include "aekit/tensor/batch_norm_kernels.hpp"

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/tensor/batch_parts.hpp"

namespace aekit {
namespace {

struct ChannelMoments {
  double mean, var;
};

// P, the values per channel of a row, after checking that every [1, C] vector is one and
// every batch matrix has a's shape.
Index per_channel(ConstMatrixRef a, std::initializer_list<ConstMatrixRef> batch,
                  std::initializer_list<ConstMatrixRef> channels) {
  const Index c = channels.begin()->cols();
  for (const auto& v : channels) AEKIT_ASSERT(v.rows() == 1 && v.cols() == c);
  for (const auto& m : batch) AEKIT_ASSERT(m.rows() == a.rows() && m.cols() == a.cols());
  AEKIT_ASSERT(c > 0 && a.cols() % c == 0);
  return a.cols() / c;
}

// What both forwards do for channel c before normalizing it: in training, fold the batch's
// moments (taken by batch_moments(), as each forward sums) into the running statistics and
// normalize with them; in inference, normalize with the running statistics. Writes
// inv_std[0, c] and returns the mean to subtract.
template <typename BatchMoments>
Scalar settle_channel(BatchNormMode mode, const BatchNormSettings& s, Index values, Index c,
                      BatchMoments batch_moments, MatrixRef running_mean, MatrixRef running_var,
                      MatrixRef inv_std) {
  ChannelMoments used{running_mean(0, c), running_var(0, c)};
  if (mode == BatchNormMode::training) {
    used = batch_moments();
    running_mean(0, c) = Scalar((1 - s.momentum) * running_mean(0, c) + s.momentum * used.mean);
    running_var(0, c) = Scalar((1 - s.momentum) * running_var(0, c) +
                               s.momentum * used.var * double(values) / double(values - 1));
  }
  inv_std(0, c) = Scalar(1 / std::sqrt(used.var + s.eps));
  return Scalar(used.mean);
}

// Backward's multiplier of g in dx = (M g - sum g - xh sum(g xh)) * factor in training, and of
// dx = g * factor in inference.
Scalar gradient_factor(BatchNormMode mode, Scalar gamma, Scalar inv_std, Index values) {
  return mode == BatchNormMode::training ? gamma * inv_std / Scalar(values) : gamma * inv_std;
}

}  // namespace

void batch_norm_forward(BatchNormMode mode, const BatchNormSettings& settings, ConstMatrixRef x,
                        ConstMatrixRef gamma, ConstMatrixRef beta, MatrixRef running_mean,
                        MatrixRef running_var, MatrixRef inv_std, MatrixRef xh, MatrixRef y) {
  const Index p = per_channel(x, {xh, y}, {gamma, beta, running_mean, running_var, inv_std});
  const Index m = x.rows() * p;
  AEKIT_ASSERT(mode == BatchNormMode::inference || m > 1);
  for_each_item(gamma.cols(), 4.0 * double(m), [&](Index c) {
    const auto block = x.middleCols(c * p, p);
    const Scalar mean = settle_channel(
        mode, settings, m, c,
        [&] {
          const double mu = double(block.sum()) / double(m);
          return ChannelMoments{mu, double((block.array() - Scalar(mu)).square().sum()) / double(m)};
        },
        running_mean, running_var, inv_std);
    xh.middleCols(c * p, p) = (block.array() - mean) * inv_std(0, c);
    y.middleCols(c * p, p) = xh.middleCols(c * p, p).array() * gamma(0, c) + beta(0, c);
  });
}

void batch_norm_backward(BatchNormMode mode, ConstMatrixRef dy, ConstMatrixRef xh,
                         ConstMatrixRef gamma, ConstMatrixRef inv_std, MatrixRef gamma_grad,
                         MatrixRef beta_grad, MatrixRef dx) {
  const Index p = per_channel(dy, {xh}, {gamma, inv_std, gamma_grad, beta_grad});
  const Index m = dy.rows() * p;
  const bool with_dx = dx.size() > 0;
  if (with_dx) AEKIT_ASSERT(dx.rows() == dy.rows() && dx.cols() == dy.cols());
  for_each_item(gamma.cols(), 4.0 * double(m), [&](Index c) {
    const auto g = dy.middleCols(c * p, p);
    const auto h = xh.middleCols(c * p, p);
    const Scalar sum_dy = g.sum(), sum_dy_xh = (g.array() * h.array()).sum();
    gamma_grad(0, c) += sum_dy_xh;
    beta_grad(0, c) += sum_dy;
    if (!with_dx) return;
    const Scalar factor = gradient_factor(mode, gamma(0, c), inv_std(0, c), m);
    if (mode == BatchNormMode::training)
      dx.middleCols(c * p, p) = (Scalar(m) * g.array() - sum_dy - h.array() * sum_dy_xh) * factor;
    else
      dx.middleCols(c * p, p) = g * factor;
  });
}

void batch_norm_forward_reference(BatchNormMode mode, const BatchNormSettings& settings,
                                  ConstMatrixRef x, ConstMatrixRef gamma, ConstMatrixRef beta,
                                  MatrixRef running_mean, MatrixRef running_var,
                                  MatrixRef inv_std, MatrixRef xh, MatrixRef y) {
  const Index p = per_channel(x, {xh, y}, {gamma, beta, running_mean, running_var, inv_std});
  const Index m = x.rows() * p;
  AEKIT_ASSERT(mode == BatchNormMode::inference || m > 1);
  for (Index c = 0; c < gamma.cols(); ++c) {
    const auto batch_moments = [&] {
      Scalar sum = 0;
      for (Index n = 0; n < x.rows(); ++n)
        for (Index j = c * p; j < (c + 1) * p; ++j) sum += x(n, j);
      const double mu = double(sum) / double(m);
      Scalar squares = 0;
      for (Index n = 0; n < x.rows(); ++n)
        for (Index j = c * p; j < (c + 1) * p; ++j)
          squares += (x(n, j) - Scalar(mu)) * (x(n, j) - Scalar(mu));
      return ChannelMoments{mu, double(squares) / double(m)};
    };
    const Scalar mean =
        settle_channel(mode, settings, m, c, batch_moments, running_mean, running_var, inv_std);
    for (Index n = 0; n < x.rows(); ++n)
      for (Index j = c * p; j < (c + 1) * p; ++j) {
        xh(n, j) = (x(n, j) - mean) * inv_std(0, c);
        y(n, j) = xh(n, j) * gamma(0, c) + beta(0, c);
      }
  }
}

void batch_norm_backward_reference(BatchNormMode mode, ConstMatrixRef dy, ConstMatrixRef xh,
                                   ConstMatrixRef gamma, ConstMatrixRef inv_std,
                                   MatrixRef gamma_grad, MatrixRef beta_grad, MatrixRef dx) {
  const Index p = per_channel(dy, {xh}, {gamma, inv_std, gamma_grad, beta_grad});
  const Index m = dy.rows() * p;
  for (Index c = 0; c < gamma.cols(); ++c) {
    Scalar sum_dy = 0, sum_dy_xh = 0;
    for (Index n = 0; n < dy.rows(); ++n)
      for (Index j = c * p; j < (c + 1) * p; ++j) {
        sum_dy += dy(n, j);
        sum_dy_xh += dy(n, j) * xh(n, j);
      }
    gamma_grad(0, c) += sum_dy_xh;
    beta_grad(0, c) += sum_dy;
    if (dx.size() == 0) continue;
    const Scalar factor = gradient_factor(mode, gamma(0, c), inv_std(0, c), m);
    for (Index n = 0; n < dy.rows(); ++n)
      for (Index j = c * p; j < (c + 1) * p; ++j)
        dx(n, j) = mode == BatchNormMode::training
                       ? (Scalar(m) * dy(n, j) - sum_dy - xh(n, j) * sum_dy_xh) * factor
                       : dy(n, j) * factor;
  }
}

}  // namespace aekit
