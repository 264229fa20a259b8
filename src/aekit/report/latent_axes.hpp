#pragma once
// The directions a latent explorer's sliders move a code along, placed by the codes of the
// test rows h[N,K] (N >= 2):
//   code(s) = mean + sum_i s_i sd_i v_i        s_i in [-3, 3], one slider per axis i < k
//   K <= 8   code units:            v_i = e_i, sd_i = unit i's sample standard deviation
//   K > 8    principal directions:  v_i = the i-th principal direction of h (models/linear/pca),
//                                   sd_i = sqrt(lambda_i), k = min(8, N)
// so s_i = +-1 moves the code by one standard deviation of the test codes along axis i.
#include <Eigen/Core>

#include "aekit/tensor/matrix.hpp"

namespace aekit::report {

inline constexpr Index kMaxLatentAxes = 8;

struct LatentAxes {
  bool code_units = true;     // v_i = e_i (else principal directions)
  Eigen::RowVectorXf mean;    // [1, K]
  FloatMatrix directions;     // v [k, K], unit rows
  Eigen::RowVectorXf sd;      // [1, k]
};

// Throws aekit::Error for fewer than 2 codes.
LatentAxes latent_axes(const FloatMatrix& codes);

}  // namespace aekit::report
