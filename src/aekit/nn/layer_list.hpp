#pragma once
// A model's layers written as a list of texts (layer_spec.hpp), parsed and built in order:
// a conv autoencoder's encoder and decoder, a conv VAE's trunk and decoder.
#include <string>
#include <string_view>
#include <vector>

#include "aekit/nn/init.hpp"
#include "aekit/nn/layer_spec.hpp"
#include "aekit/nn/sequential.hpp"

namespace aekit::nn {

// Each text parsed; a UsageError names the list (`which`, e.g. "encoder_layers") first.
std::vector<LayerSpec> parse_layer_list(const std::vector<std::string>& texts, std::string_view which);

// Appends the layers of `texts` to `chain` for rows of shape `input`; returns the shape of
// the last layer's output. A layer that does not fit gives a UsageError naming the list.
Shape build_layer_list(const std::vector<std::string>& texts, std::string_view which, Shape input, Init init,
                       Sequential& chain);

}  // namespace aekit::nn
