#pragma once
// The proximal operator of t |.| (soft thresholding), the step every LASSO solver takes:
//   S(z, t) = sign(z) max(|z| - t, 0)        t >= 0
// It solves min_h 1/2 (h - z)^2 + t |h|, so with an orthonormal dictionary (D D^T = I) the
// LASSO code is exactly h = S(x D^T, alpha).

namespace aekit::models {

template <typename T>
T soft_threshold(T z, T t) {
  return z > t ? z - t : (z < -t ? z + t : T(0));
}

}  // namespace aekit::models
