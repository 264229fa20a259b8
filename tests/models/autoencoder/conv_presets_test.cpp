// The named conv autoencoders (models/conv_presets.hpp): their names, their layer lists and
// a one-line error for an unknown name.
#include "aekit/models/autoencoder/conv_presets.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

TEST(ConvPresets, NamesRoundTripAndUnknownOnesAreNamed) {
  for (const auto preset : {ConvPreset::convae, ConvPreset::denoiser})
    EXPECT_EQ(parse_conv_preset(conv_preset_name(preset)), preset);
  test::expect_error<UsageError>([] { parse_conv_preset("unet"); },
                                 {"unknown conv_preset 'unet'", "convae or denoiser"});
}

TEST(ConvPresets, LayerListsFollowTheChannelsAndTheActivation) {
  const auto convae = conv_preset_layers(ConvPreset::convae, 3, Activation::tanh);
  EXPECT_EQ(convae.encoder, (std::vector<std::string>{"conv 32 3x3 pad=1 tanh", "maxpool 2",
                                                      "conv 32 3x3 pad=1 tanh", "maxpool 2"}));
  EXPECT_EQ(convae.decoder.back(), "conv 3 3x3 pad=1") << "back to the input's channels, linear";
  const auto denoiser = conv_preset_layers(ConvPreset::denoiser, 1, Activation::relu);
  EXPECT_EQ(denoiser.encoder.size(), 3u);
  for (const auto& layer : denoiser.encoder) EXPECT_EQ(layer, "conv 32 3x3 pad=1 relu");
  EXPECT_EQ(denoiser.decoder, (std::vector<std::string>{"conv 32 3x3 pad=1 relu", "conv 1 3x3 pad=1"}));
}

}  // namespace
}  // namespace aekit::models
