#include "aekit/models/linear/randomized_svd.hpp"

#include <algorithm>
#include <utility>

#include "aekit/error.hpp"
#include "aekit/models/linear/symmetric_eigen.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/gram.hpp"

namespace aekit::models {
namespace {

// Below this many multiply-adds (about half a millisecond on one core) a product runs on
// the calling thread: waking the thread pool costs more, and on a busy machine a job can
// wait milliseconds for a core. The covariance route's [L,D] x [D,D] products and
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

TruncatedSvd covariance_route(ConstMatrixRef c, Index k, int q, Matrix z) {
  Matrix work;
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

// L = min(k + oversampling, N, D) directions Omega[L,D] ~ N(0, 1), drawn row by row.
Matrix random_directions(Index n, Index d, Index k, Index oversampling, Rng& rng) {
  Matrix omega(std::min({k + oversampling, n, d}), d);
  for (Index i = 0; i < omega.size(); ++i) omega.data()[i] = Scalar(rng.normal());
  return omega;
}

}  // namespace

SvdRoute randomized_svd_route(Index n, Index d, Index k, const RandomizedSvdOptions& options) {
  if (options.route != SvdRoute::automatic) return options.route;
  const double nd = double(n) * double(d), l = double(std::min({k + options.oversampling, n, d}));
  const double q = options.power_iterations;
  const double data = (2 * q + 2) * nd * l;
  const double covariance = 0.5 * nd * double(d) + (q + 2) * double(d) * double(d) * l;
  return covariance < data ? SvdRoute::covariance : SvdRoute::data;
}

TruncatedSvd randomized_svd(ConstMatrixRef a, Index k, const RandomizedSvdOptions& options,
                            Rng& rng) {
  const Index n = a.rows(), d = a.cols();
  AEKIT_ASSERT(k >= 1 && k <= std::min(n, d) && options.oversampling >= 0 &&
               options.power_iterations >= 0);
  Matrix omega = random_directions(n, d, k, options.oversampling, rng);
  if (randomized_svd_route(n, d, k, options) == SvdRoute::data)
    return data_route(a, k, options.power_iterations, std::move(omega));
  Matrix c(d, d);
  gram_tn(a, c);  // C = A^T A
  return covariance_route(c, k, options.power_iterations, std::move(omega));
}

TruncatedSvd randomized_svd_from_covariance(ConstMatrixRef c, Index n, Index k,
                                            const RandomizedSvdOptions& options, Rng& rng) {
  const Index d = c.cols();
  AEKIT_ASSERT(c.rows() == d && k >= 1 && k <= std::min(n, d) && options.oversampling >= 0 &&
               options.power_iterations >= 0);
  return covariance_route(c, k, options.power_iterations,
                          random_directions(n, d, k, options.oversampling, rng));
}

}  // namespace aekit::models
