#include "aekit/models/linear/pca.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/models/linear/randomized_svd.hpp"
#include "aekit/models/linear/truncated_svd.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/gram.hpp"
#include "aekit/tensor/rng.hpp"
#include "aekit/tensor/thread_pool.hpp"
#include "aekit/tensor/threads.hpp"

namespace aekit::models {
namespace {

// Throws for the first non-finite entry of x, if any.
void check_finite(ConstMatrixRef x) {
  for (Index i = 0; i < x.rows(); ++i)
    for (Index j = 0; j < x.cols(); ++j)
      if (!std::isfinite(x(i, j)))
        throw Error(fmt::format("PCA: the data holds a non-finite value ({}) at row {}, column {}",
                                x(i, j), i, j));
}

// Rows are summed in fixed blocks, in parallel, and the blocks' sums added in order: the
// same bits for any thread count, and double sums keep 60000 float rows' digits.
constexpr Index kRowBlock = 256;

Index row_blocks(Index rows) { return (rows + kRowBlock - 1) / kRowBlock; }
Index block_end(Index block, Index rows) { return std::min(rows, (block + 1) * kRowBlock); }

RowVector column_means(ConstMatrixRef x) {
  const Index blocks = row_blocks(x.rows());
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> partial(blocks, x.cols());
  run_parts(blocks, threads(), [&](Index b, Index) {
    partial.row(b).setZero();
    for (Index i = b * kRowBlock; i < block_end(b, x.rows()); ++i)
      partial.row(b) += x.row(i).cast<double>();
  });
  Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(x.cols());
  for (Index b = 0; b < blocks; ++b) sum += partial.row(b);
  return (sum / double(x.rows())).cast<Scalar>();
}

// centred = x - mean; returns the sum of the squares of centred's entries.
double centre(ConstMatrixRef x, const RowVector& mean, Matrix& centred) {
  const Index blocks = row_blocks(x.rows());
  centred.resize(x.rows(), x.cols());
  std::vector<double> squares(std::size_t(blocks), 0.0);
  run_parts(blocks, threads(), [&](Index b, Index) {
    for (Index i = b * kRowBlock; i < block_end(b, x.rows()); ++i) {
      centred.row(i) = x.row(i) - mean;
      squares[std::size_t(b)] += centred.row(i).cast<double>().squaredNorm();
    }
  });
  double sum = 0;
  for (double s : squares) sum += s;
  return sum;
}

// Each row times +-1 so that its largest |entry| is positive (the first one on a tie).
void fix_signs(Matrix& rows) {
  for (Index i = 0; i < rows.rows(); ++i) {
    Index at = 0;
    rows.row(i).cwiseAbs().maxCoeff(&at);
    if (rows(i, at) < 0) rows.row(i) *= Scalar(-1);
  }
}

void check_width(const char* what, Index found, Index expected) {
  if (found != expected)
    throw Error(fmt::format("PCA {} expects {} columns, found {}", what, expected, found));
}

}  // namespace

Pca Pca::fit(ConstMatrixRef x, Index components) {
  PcaConfig config;
  config.components = components;
  return fit(x, config);
}

Pca Pca::fit(ConstMatrixRef x, const PcaConfig& config) {
  const Index n = x.rows(), d = x.cols(), k = config.components;
  config.validate(n, d);
  Pca pca;
  pca.whiten_ = config.whiten;
  pca.solver_ = config.resolved_solver(n, d);
  pca.mean_ = column_means(x);
  if (!pca.mean_.allFinite()) check_finite(x);  // a non-finite entry makes its column's mean so
  const double dof = std::max<double>(double(n) - 1, 1);
  const bool randomized = pca.solver_ == PcaSolver::randomized;
  const RandomizedSvdOptions options{config.oversampling, config.resolved_power_iterations(n, d)};
  Rng rng(config.seed);

  TruncatedSvd svd;
  if (n >= d && (!randomized || randomized_svd_route(n, d, k, options) == SvdRoute::covariance)) {
    // All the solver needs is C = Xc^T Xc, formed without a centred copy of X.
    Matrix c(d, d);
    gram_tn_centred(x, pca.mean_, c);
    pca.total_variance_ = c.diagonal().cast<double>().sum() / dof;
    svd = randomized ? randomized_svd_from_covariance(c, n, k, options, rng)
                     : svd_from_covariance(c, k);
  } else {
    Matrix centred;
    pca.total_variance_ = centre(x, pca.mean_, centred) / dof;
    svd = randomized ? randomized_svd(centred, k, options, rng) : exact_svd(centred, k);
  }
  pca.components_ = std::move(svd.vt);
  fix_signs(pca.components_);
  pca.explained_variance_ = svd.singular_values.array().square() / dof;

  if (pca.whiten_) {
    const double floor = 100 * std::numeric_limits<Scalar>::epsilon() * pca.explained_variance_[0];
    for (Index i = 0; i < k; ++i)
      if (!(pca.explained_variance_[i] > floor))
        throw Error(fmt::format(
            "PCA cannot whiten component {} of {}: its variance {:.3g} is zero up to rounding "
            "(the centred data has rank {}); use fewer components or no whitening",
            i + 1, k, pca.explained_variance_[i], i));
  }
  return pca;
}

Eigen::VectorXd Pca::explained_variance_ratio() const {
  if (!(total_variance_ > 0)) return Eigen::VectorXd::Zero(explained_variance_.size());
  return explained_variance_ / total_variance_;
}

Matrix Pca::encode(ConstMatrixRef x) const {
  check_width("encode", x.cols(), components_.cols());
  const Matrix centred = x.rowwise() - mean_;
  Matrix codes(x.rows(), components_.rows());
  gemm_nt(centred, components_, codes);
  if (whiten_)
    codes.array().rowwise() /= explained_variance_.cwiseSqrt().transpose().cast<Scalar>().array();
  return codes;
}

Matrix Pca::decode(ConstMatrixRef codes) const {
  check_width("decode", codes.cols(), components_.rows());
  Matrix x(codes.rows(), components_.cols());
  if (whiten_) {
    const Matrix unwhitened =
        codes.array().rowwise() * explained_variance_.cwiseSqrt().transpose().cast<Scalar>().array();
    gemm_nn(unwhitened, components_, x);
  } else {
    gemm_nn(codes, components_, x);
  }
  x.rowwise() += mean_;
  return x;
}

Pca Pca::from_parts(RowVector mean, Matrix components, Eigen::VectorXd explained_variance,
                   double total_variance, bool whiten, PcaSolver solver) {
  if (components.cols() != mean.cols() || explained_variance.size() != components.rows())
    throw Error(fmt::format("PCA: {} components of width {}, a mean of width {} and {} variances "
                            "do not fit together", components.rows(), components.cols(),
                            mean.cols(), explained_variance.size()));
  Pca pca;
  pca.mean_ = std::move(mean);
  pca.components_ = std::move(components);
  pca.explained_variance_ = std::move(explained_variance);
  pca.total_variance_ = total_variance;
  pca.whiten_ = whiten;
  pca.solver_ = solver;
  return pca;
}

}  // namespace aekit::models
