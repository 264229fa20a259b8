#include "aekit/models/deep/unroll.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/models/model_state.hpp"

namespace aekit::models {
namespace {

AutoencoderConfig unrolled_config(std::span<const StackLayer> layers) {
  if (layers.empty()) throw UsageError("unroll: expected at least one layer, found none");
  AutoencoderConfig c;
  c.dims = {layers.front().inputs()};
  for (std::size_t k = 0; k < layers.size(); ++k) {
    if (layers[k].inputs() != c.dims.back())
      throw UsageError(fmt::format("unroll: layer {} takes {} inputs, but layer {} gives {} units",
                                   k + 1, layers[k].inputs(), k, c.dims.back()));
    c.dims.push_back(layers[k].units());
  }
  c.code = layers.back().up;
  c.output = layers.front().down;
  c.hidden = layers.size() > 1 ? layers.front().up : Activation::sigmoid;
  for (std::size_t k = 0; k < layers.size(); ++k) {
    const bool inner_up = k + 1 < layers.size(), inner_down = k > 0;
    if ((inner_up && layers[k].up != c.hidden) || (inner_down && layers[k].down != c.hidden))
      throw UsageError(fmt::format("unroll: the inner layers must share one activation ({}), layer {} "
                                   "has {} up and {} down", activation_name(c.hidden), k + 1,
                                   activation_name(layers[k].up), activation_name(layers[k].down)));
  }
  return c;
}

}  // namespace

std::unique_ptr<Autoencoder> unroll(std::span<const StackLayer> layers) {
  auto autoencoder = std::make_unique<Autoencoder>(unrolled_config(layers));
  // The state lists the encoder's Dense layers bottom up, then the decoder's top down, each
  // weight [out, in] then bias [1, out].
  StateWriter state;
  for (const auto& layer : layers) {
    state.add(layer.up_weight);
    state.add(layer.up_bias);
  }
  for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer) {
    state.add(layer->down_weight);
    state.add(layer->down_bias);
  }
  AEKIT_ASSERT(autoencoder->state_layout().size() == 4 * layers.size());
  autoencoder->set_state(state.values());
  return autoencoder;
}

}  // namespace aekit::models
