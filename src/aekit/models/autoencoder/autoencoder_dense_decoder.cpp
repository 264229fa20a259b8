// An autoencoder's decoder as plain Dense layers (DenseDecoder, autoencoder.hpp), read from
// the decoder's own layers in order:
//   Dense       W [out, in] and b as stored, its activation
//   TiedDense   W = the encoder layer's W^T [D, H], its own bias c and activation
// then f_out = the config's output activation. Any other layer (conv, pooling, ...) means the
// decoder is not a Dense chain.
#include "aekit/error.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/nn/tied_dense.hpp"

namespace aekit::models {
namespace {

bool is_dense(const nn::Layer& layer) {
  return dynamic_cast<const nn::Dense*>(&layer) || dynamic_cast<const nn::TiedDense*>(&layer);
}

DenseLayer dense_layer(const nn::Layer& layer) {
  if (const auto* dense = dynamic_cast<const nn::Dense*>(&layer))
    return {dense->weight().cast<float>(), dense->bias().cast<float>(), dense->activation()};
  const auto* tied = dynamic_cast<const nn::TiedDense*>(&layer);
  AEKIT_ASSERT(tied);  // dense_decoder() said every layer is one of the two
  return {tied->source().weight().transpose().cast<float>(), tied->bias().cast<float>(),
          tied->activation()};
}

}  // namespace

const DenseDecoder* Autoencoder::dense_decoder() const {
  for (std::size_t i = 0; i < decoder_.size(); ++i)
    if (!is_dense(decoder_[i])) return nullptr;
  return this;
}

DenseChain Autoencoder::dense_layers() const {
  AEKIT_ASSERT(dense_decoder());
  DenseChain chain{{}, config_.output};
  for (std::size_t i = 0; i < decoder_.size(); ++i) chain.layers.push_back(dense_layer(decoder_[i]));
  return chain;
}

}  // namespace aekit::models
