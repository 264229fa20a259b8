#include "aekit/tensor/noise_kernels.hpp"

#include "aekit/error.hpp"

namespace aekit {

void add_gaussian_noise(Rng& rng, double sigma, MatrixRef z) {
  AEKIT_ASSERT(sigma >= 0);
  for (Index n = 0; n < z.rows(); ++n) {
    Scalar* row = z.row(n).data();
    for (Index h = 0; h < z.cols(); ++h) row[h] += Scalar(sigma * rng.normal());
  }
}

}  // namespace aekit
