#include "aekit/models/autoencoder/autoencoder.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/models/model_state.hpp"
#include "aekit/models/autoencoder/conv_presets.hpp"
#include "aekit/nn/layer_list.hpp"
#include "aekit/nn/tied_dense.hpp"

namespace aekit::models {

Architecture parse_architecture(std::string_view name) {
  if (name == "mlp") return Architecture::mlp;
  if (name == "conv") return Architecture::conv;
  throw UsageError(fmt::format("unknown model '{}': expected mlp or conv", name));
}

std::string architecture_name(Architecture architecture) {
  return architecture == Architecture::mlp ? "mlp" : "conv";
}

void AutoencoderConfig::validate() const {
  if (!(code_noise >= 0) || !std::isfinite(code_noise))
    throw UsageError(fmt::format("code_noise (sigma of the noise before the code activation) "
                                 "must be a finite number >= 0, found {}", code_noise));
  if (architecture == Architecture::conv) {
    if (tied) throw UsageError("tied weights need model mlp (a conv model has no mirrored Dense layers)");
    if (encoder_layers.empty() != decoder_layers.empty())
      throw UsageError("give both encoder_layers and decoder_layers, or neither (the default)");
    const auto encoder = nn::parse_layer_list(encoder_layers, "encoder_layers");
    const auto decoder = nn::parse_layer_list(decoder_layers, "decoder_layers");
    if (!decoder.empty() && decoder.back().activation &&
        decoder.back().kind != nn::LayerSpec::Kind::activation)
      throw UsageError(fmt::format(
          "decoder_layers: the last layer '{}' must have no activation: output_activation ({}) "
          "follows it", decoder.back().text, activation_name(output)));
    if (code_noise > 0) {
      // Without layer lists the preset's encoder gives the code (its last layer does not
      // depend on the image's channels).
      const bool preset = encoder.empty();
      const nn::LayerSpec code_layer =
          preset ? nn::parse_layer_list(conv_preset_layers(conv_preset, 1, hidden).encoder, "encoder_layers").back()
                 : encoder.back();
      if (code_layer.kind != nn::LayerSpec::Kind::dense)
        throw UsageError(fmt::format(
            "code_noise needs a dense code layer (the last of encoder_layers), found '{}'{}",
            code_layer.text,
            preset ? fmt::format(" (conv_preset {}); give encoder_layers and decoder_layers whose "
                                 "encoder ends in a dense layer", conv_preset_name(conv_preset))
                   : ""));
    }
    return;
  }
  if (!encoder_layers.empty() || !decoder_layers.empty())
    throw UsageError("encoder_layers and decoder_layers describe a conv model: set model = conv "
                     "(--model conv), or leave them empty for model mlp");
  if (dims.size() < 2)
    throw UsageError(fmt::format("dims needs at least an input and a code size, e.g. 784,32; "
                                 "found {}", fmt::join(dims, ",")));
  for (Index d : dims)
    if (d < 1 || d > (Index(1) << 24))
      throw UsageError(fmt::format("every size in dims must be between 1 and 16777216, found {} "
                                   "in {}", d, fmt::join(dims, ",")));
}

Activation AutoencoderConfig::code_activation() const {
  if (architecture == Architecture::mlp) return code;
  const auto list = encoder_layers.empty()
                        ? conv_preset_layers(conv_preset, input_shape.c, hidden).encoder
                        : encoder_layers;
  return nn::parse_layer_spec(list.back()).activation.value_or(Activation::identity);
}

nlohmann::json AutoencoderConfig::to_json() const {
  nlohmann::json json = {{"architecture", architecture_name(architecture)},
                         {"output_activation", activation_name(output)},
                         {"code_noise", code_noise},
                         {"init", init.name()}};
  if (architecture == Architecture::conv) {
    json["input_shape"] = {input_shape.c, input_shape.h, input_shape.w};
    json["encoder_layers"] = encoder_layers;
    json["decoder_layers"] = decoder_layers;
  } else {
    json["dims"] = dims;
    json["activation"] = activation_name(hidden);
    json["code_activation"] = activation_name(code);
    json["tied"] = tied;
  }
  return json;
}

AutoencoderConfig AutoencoderConfig::from_json(const nlohmann::json& json) {
  AutoencoderConfig c;
  // Files written before conv models existed have no "architecture": they are mlp.
  c.architecture = parse_architecture(json.value("architecture", std::string("mlp")));
  c.output = parse_activation(json.at("output_activation").get<std::string>());
  c.code_noise = json.value("code_noise", 0.0);  // absent in files written before it existed
  c.init = nn::Init::parse(json.at("init").get<std::string>());
  if (c.architecture == Architecture::conv) {
    const auto shape = json.at("input_shape").get<std::vector<Index>>();
    if (shape.size() != 3) throw UsageError("input_shape must have 3 entries [C, H, W]");
    c.input_shape = {shape[0], shape[1], shape[2]};
    c.encoder_layers = json.at("encoder_layers").get<std::vector<std::string>>();
    c.decoder_layers = json.at("decoder_layers").get<std::vector<std::string>>();
  } else {
    c.dims = json.at("dims").get<std::vector<Index>>();
    c.hidden = parse_activation(json.at("activation").get<std::string>());
    c.code = parse_activation(json.at("code_activation").get<std::string>());
    c.tied = json.at("tied").get<bool>();
  }
  c.validate();
  return c;
}

Autoencoder::Autoencoder(const AutoencoderConfig& config) : config_(config) {
  config_.validate();
  if (config_.architecture == Architecture::mlp)
    build_mlp();
  else
    build_conv();
  encoder_.set_input_gradient(false);  // nothing upstream of the input needs dx
  parameters_.allocate_and_bind({{"encoder", &encoder_}, {"decoder", &decoder_}});
  buffers_.add("encoder", encoder_);
  buffers_.add("decoder", decoder_);
}

void Autoencoder::build_mlp() {
  const auto& d = config_.dims;
  const std::size_t depth = d.size() - 1;  // number of encoder layers
  for (std::size_t i = 0; i < depth; ++i) {
    const Activation f = (i + 1 == depth) ? config_.code : config_.hidden;
    auto layer = std::make_unique<nn::Dense>(d[i], d[i + 1], f, config_.init);
    dense_encoder_.push_back(layer.get());
    encoder_.add(std::move(layer));
  }
  dense_encoder_.back()->set_preactivation_noise(config_.code_noise);
  // Decoder mirrors the encoder; its last layer is linear (f_out is applied separately).
  for (std::size_t i = depth; i-- > 0;) {
    const Activation f = (i == 0) ? Activation::identity : config_.hidden;
    if (config_.tied)
      decoder_.add(std::make_unique<nn::TiedDense>(*dense_encoder_[i], f));
    else
      decoder_.add(std::make_unique<nn::Dense>(d[i + 1], d[i], f, config_.init));
  }
  code_shape_ = {1, 1, d.back()};
}

void Autoencoder::build_conv() {
  const bool defaults_used = config_.encoder_layers.empty();
  if (defaults_used) {
    auto defaults = conv_preset_layers(config_.conv_preset, config_.input_shape.c, config_.hidden);
    config_.encoder_layers = std::move(defaults.encoder);
    config_.decoder_layers = std::move(defaults.decoder);
  }
  code_shape_ = nn::build_layer_list(config_.encoder_layers, "encoder_layers", config_.input_shape, config_.init, encoder_);
  const Shape output = nn::build_layer_list(config_.decoder_layers, "decoder_layers", code_shape_, config_.init, decoder_);
  if (!(output == config_.input_shape))
    throw UsageError(fmt::format("decoder_layers end in shape {}, expected the input's {}{}",
                                 nn::shape_text(output), nn::shape_text(config_.input_shape),
                                 defaults_used ? " (conv_preset convae halves the image twice: "
                                                 "height and width must be multiples of 4; use "
                                                 "conv_preset denoiser, or give encoder_layers "
                                                 "and decoder_layers)"
                                               : ""));
  if (config_.code_noise > 0) {
    auto* code_layer = dynamic_cast<nn::Dense*>(&encoder_[encoder_.size() - 1]);
    AEKIT_ASSERT(code_layer);  // validate() refuses code noise without a dense code layer
    code_layer->set_preactivation_noise(config_.code_noise);
  }
}

std::string Autoencoder::description() const {
  const auto& c = config_;
  if (c.architecture == Architecture::mlp)
    return fmt::format("mlp {} (mirrored), {} / code {} / output {}{}", fmt::join(c.dims, "-"),
                       activation_name(c.hidden), activation_name(c.code),
                       activation_name(c.output), c.tied ? ", tied" : "");
  return fmt::format("conv {}: {} -> code {} -> {} / output {}", nn::shape_text(c.input_shape),
                     fmt::join(c.encoder_layers, ", "), nn::shape_text(code_shape_),
                     fmt::join(c.decoder_layers, ", "), activation_name(c.output));
}

nlohmann::json Autoencoder::to_json() const {
  nlohmann::json json = config_.to_json();
  json["kind"] = kind();
  return json;
}

Shape Autoencoder::input_shape() const {
  return config_.architecture == Architecture::conv ? config_.input_shape : Model::input_shape();
}

EncoderJacobian* Autoencoder::encoder_jacobian() {
  return config_.architecture == Architecture::mlp ? this : nullptr;
}

std::vector<StateBlock> Autoencoder::state_layout() const { return layout_with_buffers(parameters_, buffers_); }

std::vector<float> Autoencoder::state() const { return state_with_buffers(parameters_, buffers_); }

void Autoencoder::set_state(std::span<const float> values) {
  set_state_with_buffers(*this, parameters_, buffers_, values);
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
  ConstMatrixRef h = encoder_.forward(x);
  rebind(code_, h.data(), h.rows(), h.cols());
  return h;
}

ConstMatrixRef Autoencoder::decode(ConstMatrixRef codes) {
  if (codes.cols() != code_size())
    throw Error(fmt::format("model decodes codes of size {}, input has {} columns", code_size(),
                            codes.cols()));
  decoder_.set_training(nullptr);
  return output_from_logits(decoder_.forward(codes));
}

ConstMatrixRef Autoencoder::reconstruct(ConstMatrixRef x) { return decode(encode(x)); }

ConstMatrixRef Autoencoder::forward_logits(ConstMatrixRef x, Rng* noise) {
  ConstMatrixRef h = run_encoder(x, noise);
  decoder_.set_training(noise);
  return decoder_.forward(h);
}

void Autoencoder::backward_logits(ConstMatrixRef dz) { encoder_.backward(decoder_.backward(dz)); }

void Autoencoder::backward_code(ConstMatrixRef dh) { encoder_.backward(dh); }

MatrixRef Autoencoder::backward_to_code(ConstMatrixRef dz) {
  ConstMatrixRef dh = decoder_.backward(dz);
  MatrixMap out = code_gradient_.view(dh.rows(), dh.cols());
  out = dh;
  return out;
}

MatrixRef Autoencoder::backward_to_first_hidden(MatrixRef dh) {
  const std::size_t depth = encoder_.size();
  if (depth == 1) return dh;
  ConstMatrixRef dh1 = encoder_.backward_range(dh, 1, depth);
  MatrixMap out = hidden_gradient_.view(dh1.rows(), dh1.cols());
  out = dh1;
  return out;
}

void Autoencoder::backward_first_layer(ConstMatrixRef dh1) { encoder_.backward_range(dh1, 0, 1); }

ConstMatrixRef Autoencoder::code() const { return code_; }

ConstMatrixRef Autoencoder::first_hidden() const {
  AEKIT_ASSERT(!dense_encoder_.empty());
  return dense_encoder_.front()->output();
}

ConstMatrixRef Autoencoder::output_from_logits(ConstMatrixRef z) {
  MatrixMap y = output_.view(z.rows(), z.cols());
  y = z;
  add_bias_and_activate(config_.output, y, MatrixMap(nullptr, 0, 0));
  return y;
}

}  // namespace aekit::models
