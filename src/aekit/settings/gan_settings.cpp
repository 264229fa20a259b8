// [gan]: generative adversarial networks (--model gan, dcgan): the noise size, the generator's and
// the discriminator's layer lists, the generator's loss, k discriminator steps per generator
// step, the discriminator's own learning rate, conditioning on labels and InfoGAN's codes; the
// optimizer and the generator's rate come from [training].
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {
namespace {

using models::GanConfig;

Option gan_layer_list(std::string name, std::string help, std::vector<std::string> GanConfig::*layers) {
  return {.name = std::move(name),
          .type = OptionType::list,
          .default_value = "",
          .help = std::move(help),
          .binding = converted(split_list, layer_list_text, &TrainConfig::gan_model, layers)};
}

void check_gan(const TrainConfig& c) {
  models::GanConfig gan = c.gan_model;
  if (c.conditional) gan.classes = 1;  // the count comes with the labels; any count > 0 is checked alike
  gan.validate();
  c.gan.validate();
}

}  // namespace

SettingsSection gan_settings() {
  return {.name = "gan",
          .models = {"gan", "dcgan"},
          .options = {{.name = "latent",
                       .type = OptionType::integer,
                       .default_value = "100",
                       .help = "the generator's noise size Z (z ~ N(0, I))",
                       .check = at_least(1, "at least 1"),
                       .binding = field(&TrainConfig::gan_model, &GanConfig::latent)},
                      gan_layer_list("generator_layers",
                                     "generator layers from the flat noise [1, 1, latent] to the data's shape, the "
                                     "last one giving the data's range (e.g. sigmoid); empty: the model's (gan: dense "
                                     "256, 512, 1024 leaky_relu, dense D sigmoid, tanh with scaling symmetric; dcgan: "
                                     "dense, batchnorm, relu, deconv 64 stride 2, batchnorm, relu, deconv C stride 2)",
                                     &GanConfig::generator_layers),
                      gan_layer_list("discriminator_layers",
                                     "discriminator layers from the data's shape to one logit (no activation on the "
                                     "last); empty: the model's (gan: dense 1024, 512, 256 leaky_relu, dense 1; "
                                     "dcgan: conv 64 and 128 stride 2 with leaky_relu_0.2 and batchnorm, dense 1)",
                                     &GanConfig::discriminator_layers),
                      {.name = "generator_loss",
                       .type = OptionType::choice,
                       .choices = fixed_choices({"non_saturating", "minimax"}),
                       .default_value = "non_saturating",
                       .help = "minimax: minimize log(1 - D(G(z))) (the lecture's; saturates while D wins) | "
                               "non_saturating: maximize log D(G(z))",
                       .binding = converted(models::parse_generator_loss, models::generator_loss_name,
                                            &TrainConfig::gan, &models::GanTraining::generator_loss)},
                      {.name = "d_steps",
                       .type = OptionType::integer,
                       .default_value = "1",
                       .help = "k: discriminator steps (each on a fresh minibatch) per generator step",
                       .check = at_least(1, "at least 1"),
                       .binding = field(&TrainConfig::gan, &models::GanTraining::d_steps)},
                      {.name = "d_lr",
                       .type = OptionType::real,
                       .default_value = "0",
                       .help = "the discriminator's learning rate; 0: lr, the generator's",
                       .check = at_least(0, ">= 0"),
                       .binding = field(&TrainConfig::gan, &models::GanTraining::discriminator_lr)},
                      conditional_option(),
                      {.name = "categorical",
                       .type = OptionType::integer,
                       .default_value = "0",
                       .help = "InfoGAN: the values K of a categorical code in the generator's input, its "
                               "one-hot after the noise (0: none)",
                       .check = at_least(0, "0 or more"),
                       .binding = field(&TrainConfig::gan_model, &GanConfig::categorical)},
                      {.name = "continuous",
                       .type = OptionType::integer,
                       .default_value = "0",
                       .help = "InfoGAN: the number M of continuous codes u ~ U(-1, 1) in the generator's input (0: none)",
                       .check = at_least(0, "0 or more"),
                       .binding = field(&TrainConfig::gan_model, &GanConfig::continuous)},
                      {.name = "info_weight",
                       .type = OptionType::real,
                       .default_value = "1",
                       .help = "InfoGAN: lambda, the weight of the mutual-information term L_I in the generator's loss",
                       .check = at_least(0, ">= 0"),
                       .binding = field(&TrainConfig::gan, &models::GanTraining::info_weight)}},
          .validate = check_gan};
}

}  // namespace aekit::train
