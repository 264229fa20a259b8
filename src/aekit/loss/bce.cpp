#include "aekit/loss/bce.hpp"

#include "aekit/error.hpp"

namespace aekit::loss {

double bce_with_logits(ConstMatrixRef z, ConstMatrixRef target) {
  AEKIT_ASSERT(z.rows() == target.rows() && z.cols() == target.cols());
  const auto a = z.array();
  const double total = (a.max(Scalar(0)) - a * target.array() + (-a.abs()).exp().log1p()).sum();
  return total / double(z.size());
}

void bce_with_logits_gradient(ConstMatrixRef z, ConstMatrixRef target, MatrixRef dz) {
  AEKIT_ASSERT(z.rows() == target.rows() && z.cols() == target.cols());
  dz = ((z.array().logistic() - target.array()) / Scalar(z.size())).matrix();
}

}  // namespace aekit::loss
