// The top-level key `model`: which family is trained; its values come from the sections.
#include "aekit/settings/built_in_sections.hpp"
#include "aekit/settings/registry.hpp"
#include "aekit/settings/train_config.hpp"

namespace aekit::train {
namespace {

// Radford et al. 2016's settings, a DCGAN's defaults: they replace the general defaults of
// the options a config has not set (explicitly_set), whichever comes first.
void use_dcgan_defaults(TrainConfig& c) {
  const std::pair<const char*, const char*> defaults[] = {
      {"lr", "0.0002"}, {"adam_beta1", "0.5"}, {"batch", "128"}, {"scaling", "symmetric"}};
  for (const auto& [name, value] : defaults)
    if (!c.explicitly_set.contains(name)) find_option(name).assign(c, value);
}

// The family, and for an autoencoder (or a classifier's encoder) its architecture.
Binding family_binding() {
  return {[](TrainConfig& c, const Option&, const std::string& text) {
            c.family = text;
            if (text == "mlp" || text == "conv") c.model.architecture = models::parse_architecture(text);
            if (text == "classifier" || text == "vae") c.model.architecture = models::Architecture::mlp;
            if (text == "dcgan") use_dcgan_defaults(c);
          },
          [](const TrainConfig& c, const Option&) { return c.family; }};
}

}  // namespace

SettingsSection model_choice_settings() {
  return {.name = "",
          .models = {},
          .options = {{.name = "model",
                       .type = OptionType::choice,
                       .choices = model_families,
                       .default_value = "mlp",
                       .help = "autoencoders: mlp (Dense layers from dims) | conv (encoder_layers, "
                               "decoder_layers); baselines, fitted on the training rows: pca | "
                               "sparse_coding (dictionary learning, LASSO encoder) | psd "
                               "(predictive sparse decomposition); rbm (restricted Boltzmann machine); "
                               "stack (greedy layer-wise pre-training, unrolled into a deep mlp); "
                               "classifier (a softmax head on an mlp encoder, `aekit classify`); vae "
                               "(variational autoencoder); gan (generative adversarial network, mlp); dcgan "
                               "(deep convolutional GAN; its defaults: lr 0.0002, adam_beta1 0.5, batch 128, "
                               "scaling symmetric); codec (a learned image codec: `aekit compress`, "
                               "`aekit decompress`, `aekit codec-eval`)",
                       .binding = family_binding()}}};
}

}  // namespace aekit::train
