#include "aekit/loss/bce.hpp"

#include "aekit/error.hpp"

namespace aekit::loss {

namespace {

// Applies `reduce` to the element-wise l(z, t) expression (evaluated lazily, in one pass).
template <typename Reduce>
auto reduce_bce(ConstMatrixRef z, ConstMatrixRef target, Reduce reduce) {
  AEKIT_ASSERT(z.rows() == target.rows() && z.cols() == target.cols());
  const auto a = z.array();
  return reduce(a.max(Scalar(0)) - a * target.array() + (-a.abs()).exp().log1p());
}

}  // namespace

Vector bce_with_logits_per_row(ConstMatrixRef z, ConstMatrixRef target) {
  return reduce_bce(z, target, [](const auto& l) -> Vector { return l.rowwise().sum(); });
}

double bce_with_logits(ConstMatrixRef z, ConstMatrixRef target) {
  const double total = reduce_bce(z, target, [](const auto& l) { return double(l.sum()); });
  return total / double(z.size());
}

void bce_with_logits_gradient(ConstMatrixRef z, ConstMatrixRef target, MatrixRef dz) {
  AEKIT_ASSERT(z.rows() == target.rows() && z.cols() == target.cols());
  dz = ((z.array().logistic() - target.array()) / Scalar(z.size())).matrix();
}

}  // namespace aekit::loss
