#include "aekit/optim/clip.hpp"

#include <cmath>

namespace aekit::optim {

double clip_gradient_norm(std::span<Scalar> grads, double max_norm) {
  Eigen::Map<Vector> g(grads.data(), Index(grads.size()));
  const double norm = std::sqrt(double(g.squaredNorm()));
  if (max_norm > 0 && norm > max_norm) g *= Scalar(max_norm / (norm + 1e-6));
  return norm;
}

}  // namespace aekit::optim
