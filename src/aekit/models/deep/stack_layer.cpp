#include "aekit/models/deep/stack_layer.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/models/model_state.hpp"

namespace aekit::models {
namespace {

Activation mean_function(RbmUnits units) {
  return units == RbmUnits::bernoulli ? Activation::sigmoid : Activation::identity;
}

}  // namespace

StackLayer stack_layer(const Rbm& rbm) {
  return {rbm.weight(), rbm.hidden_bias(), rbm.weight().transpose(), rbm.visible_bias(),
          mean_function(rbm.shape().hidden_units), mean_function(rbm.shape().visible_units)};
}

StackLayer stack_layer(const Autoencoder& autoencoder) {
  const AutoencoderConfig& c = autoencoder.config();
  if (c.architecture != Architecture::mlp || c.dims.size() != 2 || c.tied)
    throw Error(fmt::format("a stack layer: expected an untied mlp autoencoder with one layer, found {}",
                            autoencoder.description()));
  // State: encoder weight [H,D], bias [1,H], decoder weight [D,H], bias [1,D].
  const std::vector<float> state = autoencoder.state();
  const Index d = c.dims[0], h = c.dims[1];
  StateReader in(state);
  StackLayer layer;
  layer.up_weight = in.take(h, d);
  layer.up_bias = in.take(1, h);
  layer.down_weight = in.take(d, h);
  layer.down_bias = in.take(1, d);
  layer.up = c.code;
  layer.down = c.output;
  return layer;
}

}  // namespace aekit::models
