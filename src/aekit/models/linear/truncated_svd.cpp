#include "aekit/models/linear/truncated_svd.hpp"

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/models/linear/symmetric_eigen.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/gram.hpp"

namespace aekit::models {

TruncatedSvd exact_svd(ConstMatrixRef a, Index k) {
  const Index n = a.rows(), d = a.cols();
  AEKIT_ASSERT(k >= 1 && k <= std::min(n, d));
  if (n < d) return svd_from_row_gram(a, k);
  Matrix c(d, d);
  gram_tn(a, c);
  return svd_from_covariance(c, k);
}

TruncatedSvd svd_from_covariance(ConstMatrixRef c, Index k) {
  const Eigenpairs e = top_eigenpairs(c, k);
  return {e.vectors.transpose().cast<Scalar>(), e.values.cwiseMax(0).cwiseSqrt()};
}

TruncatedSvd svd_from_row_gram(ConstMatrixRef b, Index k) {
  const Index l = b.rows();
  AEKIT_ASSERT(k >= 1 && k <= std::min(l, b.cols()));
  Matrix g(l, l);
  gram_nt(b, g);
  const Eigenpairs e = top_eigenpairs(g, k);
  TruncatedSvd svd{Matrix(k, b.cols()), e.values.cwiseMax(0).cwiseSqrt()};
  const double floor = 1e-6 * svd.singular_values[0];
  Matrix t(k, l);  // S^-1 W^T
  for (Index i = 0; i < k; ++i) {
    const double s = std::max(svd.singular_values[i], floor);
    const double scale = s > 0 ? 1 / s : 0;
    t.row(i) = (scale * e.vectors.col(i)).transpose().cast<Scalar>();
  }
  gemm_nn(t, b, svd.vt);
  return svd;
}

}  // namespace aekit::models
