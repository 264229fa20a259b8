// [autoencoder]: the models trained by the loop, mlp (Dense layers from dims) and conv (layer
// lists or a preset), with their activations, loss and regularizers.
#include <fmt/ranges.h>

#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {
namespace {

using models::AutoencoderConfig;

// A conv model's layers, one text each.
Option layer_list_option(std::string name, std::string help,
                         std::vector<std::string> AutoencoderConfig::*layers) {
  return only_for({"conv", "vae"}, {.name = std::move(name),
                             .type = OptionType::list,
                             .default_value = "",
                             .help = std::move(help),
                             .binding = converted(split_list, layer_list_text, &TrainConfig::model, layers)});
}

std::string number_text(double value) { return fmt::format("{}", value); }

std::vector<std::string> activation_choices() { return split_list(activation_names()); }

Option activation_option(std::string name, std::string default_value, std::string help, Binding binding) {
  return {.name = std::move(name),
          .type = OptionType::choice,
          .choices = activation_choices,
          .default_value = std::move(default_value),
          .help = std::move(help),
          .binding = std::move(binding)};
}

// The hidden activation, which the code's follows until code_activation is set.
Binding hidden_activation_binding() {
  return {[](TrainConfig& c, const Option&, const std::string& text) {
            c.model.hidden = parse_activation(text);
            if (c.code_follows_activation) c.model.code = c.model.hidden;
          },
          [](const TrainConfig& c, const Option&) { return activation_name(c.model.hidden); }};
}

// The code's activation; empty: the hidden one's.
Binding code_activation_binding() {
  return {[](TrainConfig& c, const Option&, const std::string& text) {
            c.code_follows_activation = text.empty();
            c.model.code = text.empty() ? c.model.hidden : parse_activation(text);
          },
          [](const TrainConfig& c, const Option&) { return activation_name(c.model.code); }};
}

// KL sparsity as RHO:BETA, or none.
Binding kl_binding() {
  return {[](TrainConfig& c, const Option&, const std::string& text) {
            c.kl = text == "none" ? models::SparsityPenalty{} : models::SparsityPenalty::parse("kl:" + text);
          },
          [](const TrainConfig& c, const Option&) {
            return c.kl.active() ? fmt::format("{}:{}", c.kl.rho, c.kl.weight) : std::string("none");
          }};
}

void validate_autoencoder(const TrainConfig& c) {
  if (c.batch < 1) throw UsageError(fmt::format("batch must be at least 1, found {}", c.batch));
  if (c.family == "vae") return;  // its own section checks the vae
  c.model.validate();
  models::Objective(c.loss, c.model.output);  // throws if the loss does not fit the output
  c.regularization().validate(c.model);
}

}  // namespace

SettingsSection autoencoder_settings() {
  // A classifier's encoder (and the decoder of its hybrid objective) is an mlp autoencoder
  // without the regularizers; a vae takes the sizes, hidden activation, init and loss.
  const std::vector<std::string> mlp = {"mlp"}, conv = {"conv"}, mlp_shape = {"mlp", "classifier"},
                                 autoencoders = {"mlp", "conv"}, deterministic = {"mlp", "conv", "classifier"},
                                 sized = {"mlp", "classifier", "vae"};
  return {
      .name = "autoencoder",
      .models = {"mlp", "conv", "classifier", "vae"},
      .options = {
          only_for(sized, dims_option()),
          only_for(sized, code_option()),
          layer_list_option("encoder_layers",
                            "encoder layers, one text each (in a flag: comma-separated), e.g. "
                            "\"conv 32 3x3 pad=1 relu, maxpool 2\"; empty: conv_preset (vae: an mlp "
                            "from dims; with layer lists the latent size is code or the last entry of dims)",
                            &AutoencoderConfig::encoder_layers),
          layer_list_option("decoder_layers",
                            "decoder layers; the last one has no activation (output_activation "
                            "follows; a vae's likelihood) and gives back the input shape (vae: from "
                            "the flat code [1, 1, code])",
                            &AutoencoderConfig::decoder_layers),
          only_for(conv, {.name = "conv_preset",
                          .type = OptionType::choice,
                          .choices = fixed_choices({"convae", "denoiser"}),
                          .default_value = "convae",
                          .help = "the model without layer lists: convae (lecture 003's ConvAE, "
                                  "image sides multiples of 4) | denoiser (fully convolutional, "
                                  "patches of any size)",
                          .binding = converted(models::parse_conv_preset, models::conv_preset_name,
                                               &TrainConfig::model, &AutoencoderConfig::conv_preset)}),
          activation_option("activation", "relu", "hidden activation", hidden_activation_binding()),
          only_for(deterministic, activation_option("code_activation", "", "code layer activation (empty: same as activation)",
                            code_activation_binding())),
          only_for(deterministic, activation_option("output_activation", "sigmoid",
                            "output activation (sigmoid for data in [0,1])",
                            converted(parse_activation, activation_name, &TrainConfig::model,
                                      &AutoencoderConfig::output))),
          only_for(mlp_shape, {.name = "tied",
                         .type = OptionType::boolean,
                         .default_value = "false",
                         .help = "decoder uses the transposed encoder weights",
                         .binding = field(&TrainConfig::model, &AutoencoderConfig::tied)}),
          {.name = "init",
           .default_value = "glorot",
           .help = "weight init: glorot | he | torch | uniform:A | normal:S",
           .binding = converted(nn::Init::parse, [](const nn::Init& init) { return init.name(); },
                                &TrainConfig::model, &AutoencoderConfig::init)},
          {.name = "loss",
           .type = OptionType::choice,
           .choices = fixed_choices({"mse", "bce"}),
           .default_value = "mse",
           .help = "reconstruction loss (bce needs a sigmoid output); a classifier's L_rec; a vae's "
                   "decoder: bce bernoulli, mse gaussian",
           .binding = converted(models::parse_loss, models::loss_name, &TrainConfig::loss)},
          only_for(autoencoders, {.name = "noise",
           .default_value = "none",
           .help = "denoising: corrupt inputs, score against clean ones: none | gaussian:SIGMA | "
                   "mask:NU | saltpepper:P | uniform:A, optional :clip (clamp to the data range)",
           .binding = converted(models::Corruption::parse,
                                [](const models::Corruption& noise) { return noise.name(); },
                                &TrainConfig::noise)}),
          only_for(autoencoders, {.name = "l1",
           .type = OptionType::real,
           .default_value = "0",
           .help = "L1 sparsity on the code: lambda * mean over rows of sum_j |h_j|; 0 = off",
           .binding = converted(
               [](const std::string& text) {
                 return models::SparsityPenalty::l1(parse_number<double>("l1", text)).weight;
               },
               number_text, &TrainConfig::l1)}),
          only_for(autoencoders, {.name = "kl",
           .default_value = "none",
           .help = "KL sparsity on a sigmoid code: RHO:BETA (target mean activation, weight), "
                   "e.g. 0.05:3",
           .binding = kl_binding()}),
          only_for(mlp, {.name = "contractive",
                         .type = OptionType::real,
                         .default_value = "0",
                         .help = "contractive penalty lambda * ||J||_F^2 of the first encoder "
                                 "layer; 0 = off",
                         .binding = converted(models::ContractivePenalty::parse,
                                              [](const models::ContractivePenalty& penalty) {
                                                return number_text(penalty.weight);
                                              },
                                              &TrainConfig::contractive)}),
          only_for(autoencoders, {.name = "code_noise",
           .type = OptionType::real,
           .default_value = "0",
           .help = "sigma of Gaussian noise before the code activation while training "
                   "(near-binary sigmoid codes)",
           .binding = field(&TrainConfig::model, &AutoencoderConfig::code_noise)}),
          only_for(mlp_shape, {.name = "init_from",
                         .type = OptionType::text,
                         .default_value = "",
                         .help = "a model file whose parameters start the run instead of random ones (the "
                                 "deep autoencoder of a --model stack run, to fine-tune; a classifier's "
                                 "encoder and decoder); same dims and activations",
                         .binding = field(&TrainConfig::init_from)}),
      },
      .validate = validate_autoencoder};
}

}  // namespace aekit::train
