#pragma once
// A model that estimates the marginal likelihood of data rows (a VAE by importance sampling;
// a conditional VAE: of rows given their labels):
// the negative log-likelihood, the ELBO and its KL term, in nats, per row (anomaly scores) and
// as means over rows.
#include <cstdint>
#include <span>
#include <vector>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

struct LikelihoodEstimate {
  Index rows = 0, samples = 0;
  double nll = 0;   // -1/N sum_n log p(x_n), estimated with `samples` samples per row
  double elbo = 0;  // 1/N sum_n ELBO(x_n), estimated with the same samples
  double kl = 0;    // 1/N sum_n KL(q(z|x_n) || p(z))
};

// The same figures row by row: nll[n] = -log p(x_n), elbo[n] = ELBO(x_n), kl[n] = KL(q(z|x_n) || p(z)).
struct LikelihoodRows {
  Index samples = 0;
  std::vector<double> nll, elbo, kl;
};

// Their means over the rows (0 for no rows), summed in row order.
inline LikelihoodEstimate mean_estimate(const LikelihoodRows& rows) {
  LikelihoodEstimate e{Index(rows.nll.size()), rows.samples, 0, 0, 0};
  for (std::size_t n = 0; n < rows.nll.size(); ++n) {
    e.nll += rows.nll[n];
    e.elbo += rows.elbo[n];
    e.kl += rows.kl[n];
  }
  if (e.rows > 0) {
    e.nll /= double(e.rows);
    e.elbo /= double(e.rows);
    e.kl /= double(e.rows);
  }
  return e;
}

class Likelihood {
 public:
  virtual ~Likelihood() = default;

  // Whether the model is trained on binarized inputs: data in [0, 1] must be binarized
  // (once, seeded) before it is scored.
  virtual bool binarized_inputs() const { return false; }
  // C > 0: a conditional model scores -log p(x|y) and needs a class label 0..C-1 per row.
  virtual Index condition_classes() const { return 0; }
  // x[N,D] as the model takes it, labels[N] (empty for an unconditional model); every random
  // number from `rng`. Per row:
  virtual LikelihoodRows estimate_likelihood_rows(ConstMatrixRef x, std::span<const std::int32_t> labels,
                                                  Index samples, Rng& rng) = 0;
  // and the means over the rows of the same estimate (the same draws from `rng`).
  LikelihoodEstimate estimate_likelihood(ConstMatrixRef x, std::span<const std::int32_t> labels, Index samples,
                                         Rng& rng) {
    return mean_estimate(estimate_likelihood_rows(x, labels, samples, rng));
  }
};

}  // namespace aekit::models
