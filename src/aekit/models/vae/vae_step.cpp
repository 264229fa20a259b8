#include "aekit/models/vae/vae_step.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"
#include "aekit/loss/gaussian_kl.hpp"
#include "aekit/models/rbm/rbm_units.hpp"
#include "aekit/models/vae/elbo.hpp"
#include "aekit/tensor/random_blocks.hpp"

namespace aekit::models {

void VaeTraining::validate() const {
  if (!(beta >= 0) || !std::isfinite(beta)) throw UsageError(fmt::format("beta: expected a finite value >= 0, found {}", beta));
  if (kl_warmup < 0) throw UsageError(fmt::format("kl_warmup: expected 0 or more minibatches, found {}", kl_warmup));
}

VaeStep::VaeStep(Vae& model, const optim::OptimizerConfig& optimizer, double learning_rate, VaeTraining training)
    : model_(model), training_(training), optimizer_(optim::make_optimizer(optimizer)),
      group_{"model", model.parameters().values(), model.parameters().grads(), optimizer_.get(), learning_rate} {
  training_.validate();
}

double VaeStep::kl_weight(std::int64_t step) const {
  if (training_.kl_warmup == 0) return training_.beta;
  return training_.beta * std::min(1.0, double(step + 1) / double(training_.kl_warmup));
}

ConstMatrixRef VaeStep::model_inputs(ConstMatrixRef x, Rng& noise) {
  if (!model_.config().binarize) return x;
  MatrixMap binary = inputs_.view(x.rows(), x.cols());
  sample_units(RbmUnits::bernoulli, x, binary, noise);  // 1 with probability x
  return binary;
}

VaeStep::Parts VaeStep::run(const train::Batch& rows, Rng& noise, double kl_weight) {
  ConstMatrixRef inputs = model_inputs(rows.x, noise);
  MatrixMap eps = eps_.view(rows.x.rows(), model_.latent_size());
  fill_normal(noise, eps);
  return evaluate(inputs, rows.labels, eps, kl_weight);
}

VaeStep::Parts VaeStep::evaluate(ConstMatrixRef inputs, std::span<const std::int32_t> labels, ConstMatrixRef eps,
                                 double kl_weight) {
  const Index n = inputs.rows(), latent = model_.latent_size();
  AEKIT_ASSERT(eps.rows() == n && eps.cols() == latent);
  model_.encode_distribution(inputs, labels);  // an unconditional VAE ignores labels
  ConstMatrixRef mu = model_.mu(), log_variance = model_.log_variance();
  MatrixMap z = z_.view(n, latent);
  reparameterize(mu, log_variance, eps, z);
  ConstMatrixRef out = model_.decoder_output(z, labels);
  Parts parts{reconstruction_nll(model_.config(), out, inputs), loss::gaussian_kl(mu, log_variance)};
  if (kl_weight < 0) return parts;
  MatrixMap d_out = d_out_.view(n, out.cols());
  reconstruction_nll_gradient(model_.config(), out, inputs, d_out);
  ConstMatrixRef dz = model_.backward_decoder(d_out);
  MatrixMap d_mu = d_mu_.view(n, latent), d_log_variance = d_log_variance_.view(n, latent);
  reparameterization_gradient(dz, log_variance, eps, d_mu, d_log_variance);
  loss::add_gaussian_kl_gradient(mu, log_variance, kl_weight, d_mu, d_log_variance);
  model_.backward_encoder(d_mu, d_log_variance);
  return parts;
}

void VaeStep::step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) {
  model_.parameters().zero_grads();
  const double weight = kl_weight(context.global_step());
  const Parts parts = run(batch, context.noise(), weight);
  losses[0] = parts.reconstruction + weight * parts.kl;
  losses[1] = parts.reconstruction;
  losses[2] = parts.kl;
  context.update(group_);
}

void VaeStep::validate(const train::Batch& batch, std::span<double> metrics) {
  constexpr Index kChunk = 1000;
  Rng noise = Rng(0).derive("validation_noise");
  double reconstruction = 0, kl = 0;
  const Index n = batch.x.rows();
  for (Index begin = 0; begin < n; begin += kChunk) {
    const Index rows = std::min(kChunk, n - begin);
    const auto labels = batch.labels.empty() ? batch.labels : batch.labels.subspan(std::size_t(begin), std::size_t(rows));
    const Parts parts = run({batch.x.middleRows(begin, rows), labels}, noise, -1);
    reconstruction += parts.reconstruction * double(rows);
    kl += parts.kl * double(rows);
  }
  metrics[1] = n > 0 ? reconstruction / double(n) : std::nan("");
  metrics[2] = n > 0 ? kl / double(n) : std::nan("");
  metrics[0] = metrics[1] + metrics[2];
}

}  // namespace aekit::models
