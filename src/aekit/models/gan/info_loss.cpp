#include "aekit/models/gan/info_loss.hpp"

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/tensor/random_blocks.hpp"

namespace aekit::models {
namespace {

// The class k of row n: the one-hot block's hot entry.
Index category_of(const InfoCodes& codes, ConstMatrixRef c, Index n) {
  Index k = 0;
  c.row(n).segment(codes.noise, codes.categorical).maxCoeff(&k);
  return k;
}

}  // namespace

double info_loss(const InfoCodes& codes, ConstMatrixRef c, ConstMatrixRef q) {
  AEKIT_ASSERT(c.cols() == codes.width() && q.cols() == codes.categorical + codes.continuous && c.rows() == q.rows());
  const Index n_rows = q.rows(), k = codes.categorical, m = codes.continuous;
  double total = 0;
  for (Index n = 0; n < n_rows; ++n) {
    if (k > 0) {
      const auto logits = q.row(n).head(k).cast<double>();
      const double top = logits.maxCoeff();
      total += top + std::log((logits.array() - top).exp().sum()) - logits(category_of(codes, c, n));
    }
    if (m > 0)
      total += 0.5 * (q.row(n).tail(m) - c.row(n).tail(m)).cast<double>().squaredNorm();
  }
  return total / double(n_rows);
}

void info_loss_gradient(const InfoCodes& codes, ConstMatrixRef c, ConstMatrixRef q, MatrixRef dq) {
  const Index n_rows = q.rows(), k = codes.categorical, m = codes.continuous;
  const Scalar scale = Scalar(1) / Scalar(n_rows);
  for (Index n = 0; n < n_rows; ++n) {
    if (k > 0) {
      auto g = dq.row(n).head(k);
      g = (q.row(n).head(k).array() - q.row(n).head(k).maxCoeff()).exp().matrix();
      g /= g.sum();
      g(category_of(codes, c, n)) -= 1;
      g *= scale;
    }
    if (m > 0) dq.row(n).tail(m) = (q.row(n).tail(m) - c.row(n).tail(m)) * scale;
  }
}

void draw_codes(const InfoCodes& codes, Rng& rng, MatrixRef c) {
  AEKIT_ASSERT(c.cols() == codes.width());
  if (!codes.any()) {
    fill_normal(rng, c);
    return;
  }
  Matrix z(c.rows(), codes.noise);
  fill_normal(rng, z);
  c.leftCols(codes.noise) = z;
  c.middleCols(codes.noise, codes.categorical).setZero();
  for (Index n = 0; n < c.rows(); ++n) {
    if (codes.categorical > 0) c(n, codes.noise + Index(rng.below(std::uint64_t(codes.categorical)))) = 1;
    for (Index j = 0; j < codes.continuous; ++j) c(n, codes.noise + codes.categorical + j) = Scalar(rng.uniform(-1, 1));
  }
}

}  // namespace aekit::models
