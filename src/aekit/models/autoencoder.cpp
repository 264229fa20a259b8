#include "aekit/models/autoencoder.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/nn/tied_dense.hpp"

namespace aekit::models {

void AutoencoderConfig::validate() const {
  if (dims.size() < 2)
    throw UsageError(fmt::format("dims needs at least an input and a code size, e.g. 784,32; "
                                 "found {}", fmt::join(dims, ",")));
  for (Index d : dims)
    if (d < 1 || d > (Index(1) << 24))
      throw UsageError(fmt::format("every size in dims must be between 1 and 16777216, found {} "
                                   "in {}", d, fmt::join(dims, ",")));
  if (!(code_noise >= 0) || !std::isfinite(code_noise))
    throw UsageError(fmt::format("code_noise (sigma of the noise before the code activation) "
                                 "must be a finite number >= 0, found {}", code_noise));
}

nlohmann::json AutoencoderConfig::to_json() const {
  return {{"dims", dims},
          {"activation", activation_name(hidden)},
          {"code_activation", activation_name(code)},
          {"output_activation", activation_name(output)},
          {"tied", tied},
          {"code_noise", code_noise},
          {"init", init.name()}};
}

AutoencoderConfig AutoencoderConfig::from_json(const nlohmann::json& json) {
  AutoencoderConfig c;
  c.dims = json.at("dims").get<std::vector<Index>>();
  c.hidden = parse_activation(json.at("activation").get<std::string>());
  c.code = parse_activation(json.at("code_activation").get<std::string>());
  c.output = parse_activation(json.at("output_activation").get<std::string>());
  c.tied = json.at("tied").get<bool>();
  c.code_noise = json.value("code_noise", 0.0);  // absent in files written before it existed
  c.init = nn::Init::parse(json.at("init").get<std::string>());
  c.validate();
  return c;
}

Autoencoder::Autoencoder(const AutoencoderConfig& config) : config_(config) {
  config_.validate();
  const auto& d = config_.dims;
  const std::size_t depth = d.size() - 1;  // number of encoder layers
  for (std::size_t i = 0; i < depth; ++i) {
    const Activation f = (i + 1 == depth) ? config_.code : config_.hidden;
    auto layer = std::make_unique<nn::Dense>(d[i], d[i + 1], f, config_.init);
    encoder_layers_.push_back(layer.get());
    encoder_.add(std::move(layer));
  }
  encoder_layers_.back()->set_preactivation_noise(config_.code_noise);
  // Decoder mirrors the encoder; its last layer is linear (f_out is applied separately).
  for (std::size_t i = depth; i-- > 0;) {
    const Activation f = (i == 0) ? Activation::identity : config_.hidden;
    if (config_.tied)
      decoder_.add(std::make_unique<nn::TiedDense>(*encoder_layers_[i], f));
    else
      decoder_.add(std::make_unique<nn::Dense>(d[i + 1], d[i], f, config_.init));
  }
  encoder_.set_input_gradient(false);  // nothing upstream of the input needs dx
  parameters_.allocate_and_bind({{"encoder", &encoder_}, {"decoder", &decoder_}});
}

void Autoencoder::initialize(Rng& rng) {
  encoder_.initialize(rng);
  decoder_.initialize(rng);
}

ConstMatrixRef Autoencoder::encode(ConstMatrixRef x) { return run_encoder(x, nullptr); }

ConstMatrixRef Autoencoder::run_encoder(ConstMatrixRef x, Rng* noise) {
  if (x.cols() != input_size())
    throw Error(fmt::format("model expects {} inputs per row, data has {} columns", input_size(),
                            x.cols()));
  encoder_.set_training(noise);
  return encoder_.forward(x);
}

ConstMatrixRef Autoencoder::decode(ConstMatrixRef codes) {
  if (codes.cols() != code_size())
    throw Error(fmt::format("model decodes codes of size {}, input has {} columns", code_size(),
                            codes.cols()));
  return output_from_logits(decoder_.forward(codes));
}

ConstMatrixRef Autoencoder::reconstruct(ConstMatrixRef x) { return decode(encode(x)); }

ConstMatrixRef Autoencoder::forward_logits(ConstMatrixRef x, Rng* noise) {
  return decoder_.forward(run_encoder(x, noise));
}

void Autoencoder::backward_logits(ConstMatrixRef dz) { encoder_.backward(decoder_.backward(dz)); }

MatrixRef Autoencoder::backward_to_code(ConstMatrixRef dz) {
  ConstMatrixRef dh = decoder_.backward(dz);
  MatrixMap out = code_gradient_.view(dh.rows(), dh.cols());
  out = dh;
  return out;
}

MatrixRef Autoencoder::backward_to_first_hidden(MatrixRef dh) {
  const std::size_t depth = encoder_layers_.size();
  if (depth == 1) return dh;
  ConstMatrixRef dh1 = encoder_.backward_range(dh, 1, depth);
  MatrixMap out = hidden_gradient_.view(dh1.rows(), dh1.cols());
  out = dh1;
  return out;
}

void Autoencoder::backward_first_layer(ConstMatrixRef dh1) { encoder_.backward_range(dh1, 0, 1); }

ConstMatrixRef Autoencoder::code() const { return encoder_layers_.back()->output(); }

ConstMatrixRef Autoencoder::first_hidden() const { return encoder_layers_.front()->output(); }

ConstMatrixRef Autoencoder::output_from_logits(ConstMatrixRef z) {
  MatrixMap y = output_.view(z.rows(), z.cols());
  y = z;
  add_bias_and_activate(config_.output, y, MatrixMap(nullptr, 0, 0));
  return y;
}

}  // namespace aekit::models
