#pragma once
// The convolutional autoencoder a conv model gets when no layer lists are given: lecture
// 003's denoising ConvAE (about 25k parameters on [1, 28, 28]), for any [C, H, W] with H and W
// multiples of 4 (Fashion-MNIST, image patches of 32x32, 40x40, ...):
//   encoder  conv 32 3x3 pad=1 ACT, maxpool 2, conv 32 3x3 pad=1 ACT, maxpool 2  h [32, H/4, W/4]
//   decoder  deconv 32 3x3 stride=2 pad=1 outpad=1 ACT            [32, H/2, W/2]
//            deconv 16 3x3 stride=2 pad=1 outpad=1 ACT            [16, H, W]
//            conv C 3x3 pad=1                                     [C, H, W] logits
// ACT is the hidden activation.
#include <string>
#include <vector>

#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct LayerLists {
  std::vector<std::string> encoder, decoder;
};

// The lists for images of `channels` channels (other sizes fit when H and W are multiples of 4).
LayerLists default_conv_layers(Index channels, Activation hidden);

}  // namespace aekit::models
