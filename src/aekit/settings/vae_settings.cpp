// [vae]: variational autoencoders (--model vae); the encoder sizes (dims), activation, init and
// the decoder's likelihood (loss bce: bernoulli, mse: gaussian) come from [autoencoder].
#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {
namespace {

void check_vae(const TrainConfig& c) {
  models::VaeConfig vae = c.vae_config();
  if (c.conditional) vae.classes = 1;  // the count comes with the labels; any count > 0 is checked alike
  vae.validate();
  c.vae.validate();
  if (c.binarize && c.loss != models::LossKind::bce)
    throw UsageError("binarize = true makes the data binary: expected loss = bce (a bernoulli decoder), found loss = mse");
}

}  // namespace

SettingsSection vae_settings() {
  return {.name = "vae",
          .models = {"vae"},
          .options = {{.name = "binarize",
                       .type = OptionType::boolean,
                       .default_value = "false",
                       .help = "dynamic binarization: train on x ~ Bernoulli(pixel) drawn afresh every batch (data "
                               "in [0, 1]); evaluation binarizes once, seeded",
                       .binding = field(&TrainConfig::binarize)},
                      {.name = "beta",
                       .type = OptionType::real,
                       .default_value = "1",
                       .help = "weight of the KL term (beta-VAE); 1: the ELBO",
                       .check = at_least(0, ">= 0"),
                       .binding = field(&TrainConfig::vae, &models::VaeTraining::beta)},
                      {.name = "kl_warmup",
                       .type = OptionType::integer,
                       .default_value = "0",
                       .help = "minibatches over which the KL weight rises linearly from 0 to beta; 0: none",
                       .check = at_least(0, "0 or more"),
                       .binding = field(&TrainConfig::vae, &models::VaeTraining::kl_warmup)},
                      {.name = "vae_variance",
                       .type = OptionType::real,
                       .default_value = "1",
                       .help = "loss mse: the gaussian decoder's fixed variance sigma^2",
                       .binding = field(&TrainConfig::vae_variance)},
                      {.name = "learn_variance",
                       .type = OptionType::boolean,
                       .default_value = "false",
                       .help = "loss mse: the decoder also learns log sigma^2 per value and row (Kingma & Welling's "
                               "gaussian decoder) instead of the fixed vae_variance",
                       .binding = field(&TrainConfig::learn_variance)},
                      conditional_option()},
          .validate = check_vae};
}

}  // namespace aekit::train
