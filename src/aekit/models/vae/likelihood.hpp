#pragma once
// The marginal likelihood of data rows under a VAE (vae.hpp), by importance sampling with the
// encoder's q(z|x) as the proposal (Burda et al. 2016, eq. 8):
//   log p(x) ~ log (1/K sum_k w_k),   w_k = p(x|z_k) p(z_k) / q(z_k|x),   z_k ~ q(z|x)
//   log w_k  = log p(x|z_k) - |z_k|^2 / 2 + (|eps_k|^2 + sum_j v_j) / 2    (the 2 pi terms cancel)
// summed by a running log-sum-exp in double per row, the K samples decoded in batches of at most
// `decoder_rows` rows. Also the ELBO's Monte-Carlo estimate (the mean of log w_k over the same
// samples) and the KL term in closed form. All in nats, per row (anomaly scores) or as means
// over the rows. A conditional VAE gives log p(x|y) the same way, with q(z|x,y) and p(x|z,y).
#include <cstdint>

#include "aekit/models/vae/vae.hpp"

namespace aekit::models {

// x[N,D]: the model's inputs as they are (binarize them first for a binarized model);
// labels[N]: a conditional VAE's classes, else empty.
LikelihoodRows estimate_likelihood_rows(Vae& model, ConstMatrixRef x, std::span<const std::int32_t> labels,
                                        Index samples, Rng& rng, Index decoder_rows = 4096);
// The means over the rows of estimate_likelihood_rows.
LikelihoodEstimate estimate_likelihood(Vae& model, ConstMatrixRef x, std::span<const std::int32_t> labels,
                                       Index samples, Rng& rng, Index decoder_rows = 4096);

}  // namespace aekit::models
