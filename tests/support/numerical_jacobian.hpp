#pragma once
// Numerical Jacobian norms of a row-wise map (double precision builds): for f mapping each
// row x_n of x[N,D] to a row of f(x)[N,K], ||d f(x_n) / d x_n||_F by central differences.
#include "aekit/tensor/matrix.hpp"

namespace aekit::test {

template <typename F>
Vector numerical_jacobian_norms(F f, Matrix x) {
  constexpr double kStep = 1e-6;
  Vector squared = Vector::Zero(x.rows());
  for (Index c = 0; c < x.cols(); ++c) {
    const Matrix saved = x;
    x.col(c).array() += kStep;
    const Matrix up = f(x);
    x = saved;
    x.col(c).array() -= kStep;
    const Matrix down = f(x);
    x = saved;
    squared += ((up - down) / (2 * kStep)).rowwise().squaredNorm();
  }
  return squared.cwiseSqrt();
}

}  // namespace aekit::test
