#include "aekit/models/randomized_svd.hpp"

#include <algorithm>
#include <utility>

#include "aekit/error.hpp"
#include "aekit/models/symmetric_eigen.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/gram.hpp"

namespace aekit::models {
namespace {

// Below this many multiply-adds (about half a millisecond on one core) a product runs on
// the calling thread: waking the OpenMP team costs more, and on a busy machine a parallel
// region can wait milliseconds for a core. The covariance route's [L,D] x [D,D] products and
// the L x L basis rotations stay here; the passes over the data use the threaded GEMM.
constexpr double kThreadedProductWork = 1 << 25;

// c[M,K] = a[M,J] b[J,K]
void product(ConstMatrixRef a, ConstMatrixRef b, Matrix& c) {
  c.resize(a.rows(), b.cols());
  if (double(a.rows()) * double(a.cols()) * double(b.cols()) < kThreadedProductWork)
    c.noalias() = a * b;
  else
    gemm_nn(a, b, c);
}

// t[k,L] = diag(scale) U_k^T for the first k columns of vectors[L, >=k].
Matrix scaled_transpose(const Eigen::MatrixXd& vectors, const Eigen::VectorXd& scale) {
  Matrix t(scale.size(), vectors.rows());
  for (Index i = 0; i < t.rows(); ++i)
    t.row(i) = (scale[i] * vectors.col(i)).transpose().cast<Scalar>();
  return t;
}

// orth(M): the rows of m[L,K] orthonormalized by SVQB, twice; `work` is scratch.
void orthonormalize_rows(Matrix& m, Matrix& work) {
  const Index l = m.rows();
  Matrix g(l, l);
  for (int pass = 0; pass < 2; ++pass) {
    gram_nt(m, g);
    const Eigenpairs e = top_eigenpairs(g, l);
    // mu^-1/2, mu floored at 1e-12 mu_max; zero rows (mu_max = 0) stay zero.
    const double floor = 1e-12 * e.values[0];
    Eigen::VectorXd scale = Eigen::VectorXd::Zero(l);
    if (floor > 0) scale = e.values.cwiseMax(floor).cwiseSqrt().cwiseInverse();
    product(scaled_transpose(e.vectors, scale), m, work);
    std::swap(m, work);
  }
}

TruncatedSvd data_route(ConstMatrixRef a, Index k, int q, Matrix z) {
  Matrix y(z.rows(), a.rows()), work;
  gemm_nt(z, a, y);  // Y^T = Omega A^T
  for (int i = 0; i < q; ++i) {
    orthonormalize_rows(y, work);
    gemm_nn(y, a, z);  // Z^T = Y^T A
    orthonormalize_rows(z, work);
    gemm_nt(z, a, y);  // Y^T = Z^T A^T
  }
  orthonormalize_rows(y, work);
  gemm_nn(y, a, z);  // B = Q^T A  [L,D]
  return svd_from_row_gram(z, k);
}

TruncatedSvd covariance_route(ConstMatrixRef a, Index k, int q, Matrix z) {
  const Index d = a.cols();
  Matrix c(d, d), work;
  gram_tn(a, c);  // C = A^T A
  for (int i = 0; i <= q; ++i) {
    orthonormalize_rows(z, work);
    product(z, c, work);  // Z^T C
    std::swap(z, work);
  }
  orthonormalize_rows(z, work);
  Matrix projected;
  product(z, c, projected);
  const Matrix t = projected * z.transpose();  // Z^T C Z = W S^2 W^T  [L,L]
  const Eigenpairs e = top_eigenpairs(t, k);
  TruncatedSvd svd{Matrix(), e.values.cwiseMax(0).cwiseSqrt()};
  product(scaled_transpose(e.vectors, Eigen::VectorXd::Ones(k)), z, svd.vt);  // W^T Z^T
  return svd;
}

}  // namespace

SvdRoute cheaper_svd_route(Index n, Index d, Index directions, int power_iterations) {
  const double nd = double(n) * double(d), l = double(directions), q = power_iterations;
  const double data = (2 * q + 2) * nd * l;
  const double covariance = 0.5 * nd * double(d) + (q + 2) * double(d) * double(d) * l;
  return covariance < data ? SvdRoute::covariance : SvdRoute::data;
}

TruncatedSvd randomized_svd(ConstMatrixRef a, Index k, const RandomizedSvdOptions& options,
                            Rng& rng) {
  const Index n = a.rows(), d = a.cols();
  AEKIT_ASSERT(k >= 1 && k <= std::min(n, d) && options.oversampling >= 0 &&
               options.power_iterations >= 0);
  const Index l = std::min({k + options.oversampling, n, d});
  Matrix omega(l, d);  // drawn row by row: the same directions whatever the route
  for (Index i = 0; i < omega.size(); ++i) omega.data()[i] = Scalar(rng.normal());
  const int q = options.power_iterations;
  const SvdRoute route =
      options.route == SvdRoute::automatic ? cheaper_svd_route(n, d, l, q) : options.route;
  return route == SvdRoute::covariance ? covariance_route(a, k, q, std::move(omega))
                                       : data_route(a, k, q, std::move(omega));
}

}  // namespace aekit::models
