#pragma once
// The Fréchet distance between two sets of feature rows, each summarized by a Gaussian (the
// formula of Heusel et al. 2017's FID; here on the features of aekit's own Fashion-MNIST
// classifier, eval/sample_quality.hpp):
//   FD = |mu_a - mu_b|^2 + tr(S_a) + tr(S_b) - 2 tr((S_a^1/2 S_b S_a^1/2)^1/2)
// S: the covariance with denominator N - 1, in double. The matrix square roots are taken
// stably, from symmetric eigendecompositions only: S_a^1/2 = V diag(sqrt(max(l, 0))) V^T, then
// the eigenvalues m of the symmetric positive semi-definite S_a^1/2 S_b S_a^1/2 give
// tr((...)^1/2) = sum sqrt(max(m, 0)) (rounding's tiny negative eigenvalues clamped to 0). The
// usual sqrtm of the non-symmetric S_a S_b can return complex parts; this cannot.
#include <Eigen/Core>

#include "aekit/tensor/matrix.hpp"

namespace aekit::eval {

struct GaussianStats {
  Eigen::VectorXd mean;        // [F]
  Eigen::MatrixXd covariance;  // [F, F]
};

// The mean and covariance of rows [N, F], N >= 2.
GaussianStats gaussian_stats(ConstMatrixRef rows);
// Throws aekit::Error when the two have different sizes.
double frechet_distance(const GaussianStats& a, const GaussianStats& b);

}  // namespace aekit::eval
