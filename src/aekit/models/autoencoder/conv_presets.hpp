#pragma once
// The conv autoencoders a conv model gets when it has no layer lists (option conv_preset);
// ACT is the hidden activation, C the input's channels:
//
//   convae    lecture 003's denoising ConvAE: 23 585 parameters on [1, 28, 28]; for any
//             [C, H, W] with H and W multiples of 4 (it halves the image twice):
//     encoder  conv 32 3x3 pad=1 ACT, maxpool 2, conv 32 3x3 pad=1 ACT, maxpool 2  h [32, H/4, W/4]
//     decoder  deconv 32 3x3 stride=2 pad=1 outpad=1 ACT            [32, H/2, W/2]
//              deconv 16 3x3 stride=2 pad=1 outpad=1 ACT            [16, H, W]
//              conv C 3x3 pad=1                                     [C, H, W] logits
//   denoiser  fully convolutional, for image patches of any size (no pooling keeps the
//             detail a photo denoiser needs; the denoising criterion, not a bottleneck, keeps
//             it from copying its input):
//     encoder  conv 32 3x3 pad=1 ACT, conv 32 3x3 pad=1 ACT, conv 32 3x3 pad=1 ACT  h [32, H, W]
//     decoder  conv 32 3x3 pad=1 ACT, conv C 3x3 pad=1                             [C, H, W]
#include <string>
#include <string_view>
#include <vector>

#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

enum class ConvPreset { convae, denoiser };
ConvPreset parse_conv_preset(std::string_view name);  // UsageError naming the valid ones
std::string conv_preset_name(ConvPreset preset);

struct LayerLists {
  std::vector<std::string> encoder, decoder;
};

LayerLists conv_preset_layers(ConvPreset preset, Index channels, Activation hidden);

}  // namespace aekit::models
