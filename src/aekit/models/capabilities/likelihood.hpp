#pragma once
// A model that estimates the marginal likelihood of data rows (a VAE by importance sampling):
// the negative log-likelihood, the ELBO and its KL term, in nats per row (means over rows).
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
  // x[N,D] as the model takes it; every random number from `rng`.
  virtual LikelihoodEstimate estimate_likelihood(ConstMatrixRef x, Index samples, Rng& rng) = 0;
};

}  // namespace aekit::models
