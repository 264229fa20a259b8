#include "aekit/models/codec/learned_codec.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/models/model_state.hpp"
#include "aekit/nn/layer_list.hpp"
#include "aekit/tensor/quantization_kernels.hpp"

namespace aekit::models {

CodecQuantization parse_codec_quantization(std::string_view name) {
  if (name == "noise") return CodecQuantization::noise;
  if (name == "straight_through") return CodecQuantization::straight_through;
  throw UsageError(fmt::format("codec_quantization: expected noise or straight_through, found '{}'", name));
}

std::string codec_quantization_name(CodecQuantization quantization) {
  return quantization == CodecQuantization::noise ? "noise" : "straight_through";
}

double LearnedCodecConfig::step(int quality) const {
  AEKIT_ASSERT(quality >= 1 && quality <= qualities());
  return std::exp2((qualities() / 2.0 + 0.5 - quality) / 2);
}

double LearnedCodecConfig::lambda(int quality) const {
  AEKIT_ASSERT(quality >= 1 && quality <= qualities());
  return lambdas[std::size_t(quality - 1)];
}

std::vector<std::string> LearnedCodecConfig::encoder_layers() const {
  const std::string hidden = fmt::format("conv {} 5x5 stride=2 pad=2 relu", filters);
  return {hidden, hidden, hidden, fmt::format("conv {} 5x5 stride=2 pad=2", latent_channels)};
}

std::vector<std::string> LearnedCodecConfig::decoder_layers() const {
  const std::string hidden = fmt::format("deconv {} 5x5 stride=2 pad=2 outpad=1 relu", filters);
  return {hidden, hidden, hidden, fmt::format("deconv {} 5x5 stride=2 pad=2 outpad=1", input_shape.c)};
}

void LearnedCodecConfig::validate() const {
  if (input_shape.c != 1 && input_shape.c != 3)
    throw UsageError(fmt::format("a codec codes gray or RGB images: expected 1 or 3 channels, found {} "
                                 "(the data's shape {}x{}x{})", input_shape.c, input_shape.c, input_shape.h, input_shape.w));
  if (input_shape.h < kCodecDownsampling || input_shape.w < kCodecDownsampling ||
      input_shape.h % kCodecDownsampling || input_shape.w % kCodecDownsampling)
    throw UsageError(fmt::format("a codec's training images must be multiples of {} pixels high and wide: found {}x{} "
                                 "(use patches of 64 or 128)", kCodecDownsampling, input_shape.h, input_shape.w));
  if (filters < 1) throw UsageError(fmt::format("codec_filters: expected 1 or more, found {}", filters));
  if (latent_channels < 1) throw UsageError(fmt::format("codec_latent: expected 1 or more, found {}", latent_channels));
  if (lambdas.empty() || lambdas.size() > 16)
    throw UsageError(fmt::format("codec_lambdas: expected 1 to 16 values, found {}", lambdas.size()));
  for (std::size_t i = 0; i < lambdas.size(); ++i)
    if (!(lambdas[i] > 0) || !std::isfinite(lambdas[i]) || (i > 0 && lambdas[i] <= lambdas[i - 1]))
      throw UsageError(fmt::format("codec_lambdas: expected increasing positive values (quality 1 the smallest), "
                                   "found {} at position {}", lambdas[i], i + 1));
}

nlohmann::json LearnedCodecConfig::to_json() const {
  return {{"input_shape", {input_shape.c, input_shape.h, input_shape.w}},
          {"filters", filters},
          {"latent_channels", latent_channels},
          {"quantization", codec_quantization_name(quantization)},
          {"lambdas", lambdas},
          {"init", init.name()}};
}

LearnedCodecConfig LearnedCodecConfig::from_json(const nlohmann::json& json) {
  LearnedCodecConfig c;
  const auto shape = json.at("input_shape").get<std::vector<Index>>();
  if (shape.size() != 3) throw Error(fmt::format("codec input_shape: expected [C, H, W], found {} values", shape.size()));
  c.input_shape = {shape[0], shape[1], shape[2]};
  c.filters = json.at("filters").get<Index>();
  c.latent_channels = json.at("latent_channels").get<Index>();
  c.quantization = parse_codec_quantization(json.at("quantization").get<std::string>());
  c.lambdas = json.at("lambdas").get<std::vector<double>>();
  c.init = nn::Init::parse(json.at("init").get<std::string>());
  c.validate();
  return c;
}

namespace {

const LearnedCodecConfig& validated_codec(const LearnedCodecConfig& config) {
  config.validate();
  return config;
}

}  // namespace

LearnedCodec::LearnedCodec(const LearnedCodecConfig& config) : config_(validated_codec(config)) {
  latent_shape_ = nn::build_layer_list(config_.encoder_layers(), "codec encoder", config_.input_shape, config_.init, analysis_);
  const Shape output = nn::build_layer_list(config_.decoder_layers(), "codec decoder", latent_shape_, config_.init, synthesis_);
  AEKIT_ASSERT(output == config_.input_shape);
  prior_ = std::make_unique<nn::LogisticPrior>(latent_shape_.c, latent_shape_.h * latent_shape_.w);
  analysis_.set_input_gradient(false);
  parameters_.allocate_and_bind({{"analysis", &analysis_}, {"synthesis", &synthesis_}, {"prior", prior_.get()}});
}

void LearnedCodec::initialize(Rng& rng) {
  analysis_.initialize(rng);
  synthesis_.initialize(rng);
  prior_->initialize(rng);
}

std::unique_ptr<LearnedCodec> LearnedCodec::with_input_shape(Shape shape) const {
  LearnedCodecConfig config = config_;
  config.input_shape = shape;
  auto codec = std::make_unique<LearnedCodec>(config);
  std::copy(parameters_.values().begin(), parameters_.values().end(), codec->parameters().values().begin());
  return codec;
}

std::string LearnedCodec::description() const {
  const Shape& s = config_.input_shape;
  return fmt::format("codec {}x{}x{} -> {}x{}x{}, {} filters, {} qualities, {} quantization", s.c, s.h, s.w,
                     latent_shape_.c, latent_shape_.h, latent_shape_.w, config_.filters, config_.qualities(),
                     codec_quantization_name(config_.quantization));
}

ConstMatrixRef LearnedCodec::encode(ConstMatrixRef x) {
  if (x.cols() != input_size())
    throw Error(fmt::format("codec expects {} inputs per row, data has {} columns", input_size(), x.cols()));
  return analysis_.forward(x);
}

ConstMatrixRef LearnedCodec::decode(ConstMatrixRef codes) {
  if (codes.cols() != code_size())
    throw Error(fmt::format("codec decodes codes of size {}, input has {} columns", code_size(), codes.cols()));
  return synthesis_.forward(codes);
}

ConstMatrixRef LearnedCodec::reconstruct(ConstMatrixRef x) {
  ConstMatrixRef y = encode(x);
  MatrixMap quantized = quantized_.view(y.rows(), y.cols());
  quantize(y, config_.step(config_.qualities()), quantized);
  return decode(quantized);
}

nlohmann::json LearnedCodec::to_json() const {
  nlohmann::json json = config_.to_json();
  json["kind"] = kKind;
  return json;
}

std::vector<StateBlock> LearnedCodec::state_layout() const { return parameter_layout(parameters_); }

std::vector<float> LearnedCodec::state() const { return parameter_state(parameters_); }

void LearnedCodec::set_state(std::span<const float> values) { set_parameter_state(*this, parameters_, values); }

}  // namespace aekit::models
