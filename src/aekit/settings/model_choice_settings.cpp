// The top-level key `model`: which family is trained; its values come from the sections.
#include "aekit/settings/built_in_sections.hpp"
#include "aekit/settings/registry.hpp"
#include "aekit/settings/train_config.hpp"

namespace aekit::train {
namespace {

// The family, and for an autoencoder (or a classifier's encoder) its architecture.
Binding family_binding() {
  return {[](TrainConfig& c, const Option&, const std::string& text) {
            c.family = text;
            if (text == "mlp" || text == "conv") c.model.architecture = models::parse_architecture(text);
            if (text == "classifier" || text == "vae") c.model.architecture = models::Architecture::mlp;
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
                               "(variational autoencoder); gan (generative adversarial network)",
                       .binding = family_binding()}}};
}

}  // namespace aekit::train
