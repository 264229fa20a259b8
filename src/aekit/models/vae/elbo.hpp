#pragma once
// The pieces of a VAE's evidence lower bound (vae.hpp), per data row x and code z:
//   ELBO(x) = E_q[log p(x|z)] - KL(q(z|x) || N(0, I))    (nats; the loss is -ELBO)
//   -log p(x|z), summed over the row's D values:
//     bernoulli  sum_d [max(o,0) - o x + log(1 + e^-|o|)]    o: the decoder's logits
//     gaussian   sum_d [(x - o)^2 / (2 s) + log(2 pi s) / 2]  o: the mean, s: the fixed variance
//     learned    the same with s = e^r per value, out = [o | r]:
//                d/do = (o - x) / s,  d/dr = 1/2 - (x - o)^2 / (2 s)
//   z = mu + exp(v/2) * eps   (reparameterization): dz/dmu = 1, dz/dv = eps exp(v/2) / 2
#include <span>

#include "aekit/models/vae/vae.hpp"

namespace aekit::models {

// The mean over rows of -log p(x|z) for decoder outputs out[N,D] ([N,2D] with a learned
// variance) and data x[N,D].
double reconstruction_nll(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x);
// Its gradient with respect to out, into d_out (out's shape).
void reconstruction_nll_gradient(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x, MatrixRef d_out);
// log p(x_n|z_n) of each row, in double, into log_likelihood[N].
void log_likelihood_rows(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x,
                         std::span<double> log_likelihood);

// z = mu + exp(v/2) * eps, all [N,L].
void reparameterize(ConstMatrixRef mu, ConstMatrixRef log_variance, ConstMatrixRef eps, MatrixRef z);
// The gradient dL/dz carried back through z: d_mu = dz, d_v = dz * eps * exp(v/2) / 2.
void reparameterization_gradient(ConstMatrixRef dz, ConstMatrixRef log_variance, ConstMatrixRef eps, MatrixRef d_mu,
                                 MatrixRef d_log_variance);

}  // namespace aekit::models
