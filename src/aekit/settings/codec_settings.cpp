// [codec]: learned image codecs (--model codec, models/codec/learned_codec.hpp): the transforms'
// filters and latent channels, and how training stands in for rounding; the optimizer, rate and
// epochs come from [training], the image size from the data (patches whose sides are multiples
// of 16).
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {

SettingsSection codec_settings() {
  using models::LearnedCodecConfig;
  return {.name = "codec",
          .models = {"codec"},
          .options = {{.name = "codec_filters",
                       .type = OptionType::integer,
                       .default_value = "64",
                       .help = "N: channels of the analysis and synthesis transforms' hidden layers",
                       .check = at_least(1, "at least 1"),
                       .binding = field(&TrainConfig::codec, &LearnedCodecConfig::filters)},
                      {.name = "codec_latent",
                       .type = OptionType::integer,
                       .default_value = "64",
                       .help = "M: latent channels at 1/16 of the image's height and width (what is coded)",
                       .check = at_least(1, "at least 1"),
                       .binding = field(&TrainConfig::codec, &LearnedCodecConfig::latent_channels)},
                      {.name = "codec_quantization",
                       .type = OptionType::choice,
                       .choices = fixed_choices({"straight_through", "noise"}),
                       .default_value = "straight_through",
                       .help = "how training stands in for rounding: straight_through (the decoder sees rounded "
                               "latents, identity gradient; the rate model y + uniform noise) | noise (both see "
                               "y + uniform noise, Balle et al. 2017)",
                       .binding = converted(models::parse_codec_quantization, models::codec_quantization_name,
                                            &TrainConfig::codec, &LearnedCodecConfig::quantization)}},
          .validate = [](const TrainConfig&) {}};
}

}  // namespace aekit::train
