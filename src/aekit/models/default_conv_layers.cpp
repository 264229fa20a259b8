#include "aekit/models/default_conv_layers.hpp"

#include <fmt/format.h>

namespace aekit::models {

LayerLists default_conv_layers(Index channels, Activation hidden) {
  const std::string f = activation_name(hidden);
  return {{fmt::format("conv 32 3x3 pad=1 {}", f), "maxpool 2",
           fmt::format("conv 32 3x3 pad=1 {}", f), "maxpool 2"},
          {fmt::format("deconv 32 3x3 stride=2 pad=1 outpad=1 {}", f),
           fmt::format("deconv 16 3x3 stride=2 pad=1 outpad=1 {}", f),
           fmt::format("conv {} 3x3 pad=1", channels)}};
}

}  // namespace aekit::models
