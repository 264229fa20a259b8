#pragma once
// A model that estimates the marginal likelihood of data rows (a VAE by importance sampling;
// a conditional VAE: of rows given their labels):
// the negative log-likelihood, the ELBO and its KL term, in nats per row (means over rows).
#include <cstdint>
#include <span>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

struct LikelihoodEstimate {
  Index rows = 0, samples = 0;
  double nll = 0;   // -1/N sum_n log p(x_n), estimated with `samples` samples per row
  double elbo = 0;  // 1/N sum_n ELBO(x_n), estimated with the same samples
  double kl = 0;    // 1/N sum_n KL(q(z|x_n) || p(z))
};

class Likelihood {
 public:
  virtual ~Likelihood() = default;

  // Whether the model is trained on binarized inputs: data in [0, 1] must be binarized
  // (once, seeded) before it is scored.
  virtual bool binarized_inputs() const { return false; }
  // C > 0: a conditional model scores -log p(x|y) and needs a class label 0..C-1 per row.
  virtual Index condition_classes() const { return 0; }
  // x[N,D] as the model takes it, labels[N] (empty for an unconditional model); every random
  // number from `rng`.
  virtual LikelihoodEstimate estimate_likelihood(ConstMatrixRef x, std::span<const std::int32_t> labels,
                                                 Index samples, Rng& rng) = 0;
};

}  // namespace aekit::models
