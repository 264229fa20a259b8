#include "aekit/tensor/dropout_kernels.hpp"

#include "aekit/error.hpp"

namespace aekit {
namespace {

void check_shapes(ConstMatrixRef x, ConstMatrixRef mask, ConstMatrixRef y) {
  AEKIT_ASSERT(mask.rows() == x.rows() && mask.cols() == x.cols() && y.rows() == x.rows() &&
               y.cols() == x.cols());
}

// The mask value of a kept entry.
Scalar kept_scale(double p) {
  AEKIT_ASSERT(p >= 0 && p < 1);
  return Scalar(1 / (1 - p));
}

}  // namespace

void dropout_forward(Rng& rng, double p, ConstMatrixRef x, MatrixRef mask, MatrixRef y) {
  check_shapes(x, mask, y);
  const Scalar keep = kept_scale(p);
  for (Index n = 0; n < mask.rows(); ++n) {
    Scalar* row = mask.row(n).data();
    for (Index d = 0; d < mask.cols(); ++d) row[d] = rng.uniform() < p ? 0 : keep;
  }
  y = x.cwiseProduct(mask);
}

void dropout_backward(ConstMatrixRef mask, ConstMatrixRef dy, MatrixRef dx) {
  check_shapes(dy, mask, dx);
  dx = dy.cwiseProduct(mask);
}

void dropout_forward_reference(Rng& rng, double p, ConstMatrixRef x, MatrixRef mask,
                               MatrixRef y) {
  check_shapes(x, mask, y);
  const Scalar keep = kept_scale(p);
  for (Index n = 0; n < x.rows(); ++n)
    for (Index d = 0; d < x.cols(); ++d) {
      mask(n, d) = rng.uniform() < p ? 0 : keep;
      y(n, d) = x(n, d) * mask(n, d);
    }
}

void dropout_backward_reference(ConstMatrixRef mask, ConstMatrixRef dy, MatrixRef dx) {
  check_shapes(dy, mask, dx);
  for (Index n = 0; n < dy.rows(); ++n)
    for (Index d = 0; d < dy.cols(); ++d) dx(n, d) = dy(n, d) * mask(n, d);
}

}  // namespace aekit
