#include "aekit/models/autoencoder/conv_presets.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::models {

ConvPreset parse_conv_preset(std::string_view name) {
  if (name == "convae") return ConvPreset::convae;
  if (name == "denoiser") return ConvPreset::denoiser;
  throw UsageError(fmt::format("unknown conv_preset '{}': expected convae or denoiser", name));
}

std::string conv_preset_name(ConvPreset preset) {
  return preset == ConvPreset::convae ? "convae" : "denoiser";
}

LayerLists conv_preset_layers(ConvPreset preset, Index channels, Activation hidden) {
  const std::string conv32 = fmt::format("conv 32 3x3 pad=1 {}", activation_name(hidden));
  const std::string output = fmt::format("conv {} 3x3 pad=1", channels);
  if (preset == ConvPreset::denoiser) return {{conv32, conv32, conv32}, {conv32, output}};
  const std::string f = activation_name(hidden);
  return {{conv32, "maxpool 2", conv32, "maxpool 2"},
          {fmt::format("deconv 32 3x3 stride=2 pad=1 outpad=1 {}", f),
           fmt::format("deconv 16 3x3 stride=2 pad=1 outpad=1 {}", f), output}};
}

}  // namespace aekit::models
