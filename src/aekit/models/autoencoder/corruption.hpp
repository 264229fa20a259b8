#pragma once
// Input corruption for denoising autoencoders: x~ = C(x), drawn fresh for every batch.
//
// The model is trained to reconstruct the clean x from the corrupted x~; the corruption is
// one part of the Objective, never a model class of its own. Kinds (level = the parameter):
//   none         x~ = x
//   gaussian     x~ = x + e,  e ~ N(0, sigma^2)               level = sigma >= 0
//   mask         x~ = 0 with probability nu, else x            level = nu in [0, 1)
//   salt_pepper  x~ = low or high (half each) with prob. p,    level = p in [0, 1]
//                else x
//   uniform      x~ = x + e,  e ~ U(-a, a)  (variance a^2/3)  level = a >= 0
// With clip, every x~ is then clamped to [low, high] (the data range, [0, 1] by default).
//
// Shapes: clean[N,D] -> noisy[N,D]. apply() takes one number from the Rng passed in and
// derives from it one stream per block of 16 rows; blocks run in parallel, and the same
// seed gives the same noise whatever the thread count. Uniforms have 24 random bits, normals
// come from Box-Muller on arrays (vectorized). apply() allocates nothing and may write in
// place (noisy may be the same matrix as clean).
#include <string>
#include <string_view>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

struct Corruption {
  enum class Kind { none, gaussian, mask, salt_pepper, uniform };

  Kind kind = Kind::none;
  double level = 0;   // sigma, nu, p or a; see above
  bool clip = false;  // clamp the result to [low, high]
  Scalar low = 0, high = 1;

  // "none", "gaussian:SIGMA", "mask:NU", "saltpepper:P" (also "salt_pepper:P",
  // "salt-pepper:P"), "uniform:A"; an optional ":clip" suffix turns clipping on, e.g.
  // "gaussian:0.1:clip". Throws UsageError on an unknown kind or a bad level.
  static Corruption parse(std::string_view text);
  std::string name() const;  // the text parse() reads back, e.g. "mask:0.25" or "gaussian:0.1:clip"
  static std::string kind_names();  // "none, gaussian:SIGMA, ...", for error messages

  // Throws UsageError naming the bad value (negative sigma, nu outside [0, 1), ...).
  void validate() const;

  bool active() const { return kind != Kind::none || clip; }

  // noisy[N,D] = C(clean[N,D]). Shapes must match. No allocation; in place is allowed.
  void apply(ConstMatrixRef clean, MatrixRef noisy, Rng& rng) const;
};

}  // namespace aekit::models
