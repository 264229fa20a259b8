// The filters an autoencoder offers (FilterSource, autoencoder.hpp):
//   encoder  row j of the first encoder layer's W[H,D] ("encoder.0.weight"): what unit j
//            responds to; a conv model's first kernels W[O, C*k*k], one [C, k, k] picture
//            per output channel
//   decoder  column j of the last decoder layer's W'[D,H] ("decoder.<k-1>.weight"): what
//            unit j of the last hidden layer adds to the output; tied: W' = W^T, so these
//            are the encoder filters. mlp only.
#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/nn/layer_spec.hpp"

namespace aekit::models {
namespace {

// The named weight of `model` as a [rows, cols] matrix.
FloatMatrix weight(const nn::Parameters& parameters, const std::string& name) {
  for (const auto& slice : parameters.slices())
    if (slice.name == name)
      return ConstMatrixMap(parameters.values().data() + slice.offset, slice.rows, slice.cols)
          .cast<float>();
  throw Error(fmt::format("expected the autoencoder to have a parameter '{}', found none", name));
}

nn::LayerSpec first_encoder_layer_spec(const AutoencoderConfig& config) {
  return nn::parse_layer_spec(config.encoder_layers.front());
}

}  // namespace

bool Autoencoder::offers(FilterLayer layer) const {
  if (config_.architecture == Architecture::mlp) return true;
  return layer == FilterLayer::encoder &&
         first_encoder_layer_spec(config_).kind == nn::LayerSpec::Kind::conv;
}

Filters Autoencoder::filters(FilterLayer layer) const {
  if (config_.architecture == Architecture::conv) {
    if (layer == FilterLayer::decoder)
      throw UsageError("decoder filters are drawn for mlp models only; a conv model has encoder "
                       "filters (its first layer's kernels)");
    const auto spec = first_encoder_layer_spec(config_);
    if (spec.kind != nn::LayerSpec::Kind::conv)
      throw UsageError(fmt::format("filters are drawn from a first conv layer; this model starts "
                                   "with '{}'", spec.text));
    return {weight(parameters_, "encoder.0.weight"),
            Shape{config_.input_shape.c, spec.kernel.size, spec.kernel.size},
            "Kernels of the first conv layer, one image per output channel"};
  }
  if (layer == FilterLayer::encoder)
    return {weight(parameters_, "encoder.0.weight"), std::nullopt,
            "Weights of the first encoder layer, one image per hidden unit"};
  if (config_.tied)
    return {weight(parameters_, "encoder.0.weight"), std::nullopt,
            "Weights of the last decoder layer (tied: the first encoder layer's), one image per "
            "hidden unit"};
  const std::size_t depth = config_.dims.size() - 1;  // decoder layers
  return {weight(parameters_, fmt::format("decoder.{}.weight", depth - 1)).transpose(), std::nullopt,
          "Weights of the last decoder layer, one image per hidden unit"};
}

}  // namespace aekit::models
