#include "aekit/report/latent_axes.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/models/linear/pca.hpp"

namespace aekit::report {

LatentAxes latent_axes(const FloatMatrix& codes) {
  const Index n = codes.rows(), k = codes.cols();
  if (n < 2) throw Error(fmt::format("latent axes need at least 2 codes, found {}", n));
  if (k <= kMaxLatentAxes) {
    const Eigen::RowVectorXd mean = codes.cast<double>().colwise().mean();
    const Eigen::RowVectorXd variance =
        (codes.cast<double>().rowwise() - mean).array().square().colwise().sum() / double(n - 1);
    return {true, mean.cast<float>(), FloatMatrix::Identity(k, k),
            variance.cwiseSqrt().cast<float>()};
  }
  const auto pca = models::Pca::fit(codes.cast<Scalar>(), std::min(kMaxLatentAxes, n));
  return {false, pca.mean().cast<float>(), pca.components().cast<float>(),
          pca.explained_variance().cwiseSqrt().transpose().cast<float>()};
}

}  // namespace aekit::report
