#pragma once
// A generative model: draws new data rows x[n,D] from a latent z[n,L] it samples itself
// (a GAN's generator, a VAE's decoder from its prior, an RBM's Gibbs chain).
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

class Sampler {
 public:
  virtual ~Sampler() = default;

  virtual Index latent_size() const = 0;  // L
  // n rows x[n,D], every random number drawn from `rng` (the same stream gives the same
  // rows); a view valid until the next sample.
  virtual ConstMatrixRef sample(Index n, Rng& rng) = 0;
  // C > 0: a conditional model (class labels 0..C-1), whose n samples come in class-major
  // blocks (class_major_labels in models/one_hot_condition.hpp); 0: unconditional.
  virtual Index condition_classes() const { return 0; }
};

}  // namespace aekit::models
