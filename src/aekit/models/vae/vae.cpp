#include "aekit/models/vae/vae.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aekit/error.hpp"
#include "aekit/models/model_state.hpp"
#include "aekit/models/one_hot_condition.hpp"
#include "aekit/models/vae/likelihood.hpp"
#include "aekit/nn/layer_list.hpp"
#include "aekit/tensor/random_blocks.hpp"

namespace aekit::models {

VaeLikelihood parse_vae_likelihood(std::string_view name) {
  if (name == "bernoulli") return VaeLikelihood::bernoulli;
  if (name == "gaussian") return VaeLikelihood::gaussian;
  throw UsageError(fmt::format("vae_likelihood: expected bernoulli or gaussian, found '{}'", name));
}

std::string vae_likelihood_name(VaeLikelihood likelihood) {
  return likelihood == VaeLikelihood::bernoulli ? "bernoulli" : "gaussian";
}

namespace {

// BatchNorm and Dropout behave differently while training; a VAE's layers have no such mode.
void refuse_training_mode(const nn::LayerSpec& spec, std::string_view which) {
  if (spec.kind == nn::LayerSpec::Kind::batchnorm || spec.kind == nn::LayerSpec::Kind::dropout)
    throw UsageError(fmt::format("{}: '{}': a vae's layers take conv, deconv, pooling, upsample, dense, flatten, "
                                 "reshape and activations, not batchnorm or dropout", which, spec.text));
}

void validate_conv(const VaeConfig& c) {
  if (c.dims.size() != 2)
    throw UsageError(fmt::format("a conv vae has dims {{D, L}}: the input size and the latent size; found '{}'",
                                 fmt::join(c.dims, ",")));
  if (c.classes > 0)
    throw UsageError("conditional = true needs an mlp vae (dims, without encoder_layers and decoder_layers): the "
                     "one-hot label joins the encoder's input row");
  for (const auto& spec : nn::parse_layer_list(c.encoder_layers, "encoder_layers"))
    refuse_training_mode(spec, "encoder_layers");
  const auto decoder = nn::parse_layer_list(c.decoder_layers, "decoder_layers");
  for (const auto& spec : decoder) refuse_training_mode(spec, "decoder_layers");
  if (decoder.back().activation)
    throw UsageError(fmt::format("decoder_layers: the last layer '{}' must have no activation: it gives the "
                                 "decoder's {}",
                                 decoder.back().text,
                                 c.likelihood == VaeLikelihood::bernoulli ? "logits" : "means"));
}

}  // namespace

void VaeConfig::validate() const {
  if (encoder_layers.empty() != decoder_layers.empty())
    throw UsageError("a conv vae needs both encoder_layers and decoder_layers; give both, or neither (an mlp vae "
                     "from dims)");
  if (conv()) {
    validate_conv(*this);
  } else if (dims.size() < 3)
    throw UsageError(fmt::format("dims: a vae needs the input size, at least one hidden layer and the latent "
                                 "size, e.g. 784,200,200,50; found '{}'", fmt::join(dims, ",")));
  for (std::size_t i = conv() ? 1 : 0; i < dims.size(); ++i)  // a conv vae's D comes with the data's shape
    if (dims[i] < 1)
      throw UsageError(fmt::format("dims: every size must be at least 1, found '{}'", fmt::join(dims, ",")));
  if (!(variance > 0)) throw UsageError(fmt::format("vae_variance: expected a variance > 0, found {}", variance));
  if (learn_variance && likelihood != VaeLikelihood::gaussian)
    throw UsageError("learn_variance = true: expected a gaussian decoder (loss = mse), found a bernoulli one (loss = bce)");
  if (classes < 0) throw UsageError(fmt::format("classes: expected 0 or more, found {}", classes));
}

nlohmann::json VaeConfig::to_json() const {
  nlohmann::json json = {{"dims", dims}, {"activation", activation_name(hidden)}, {"likelihood", vae_likelihood_name(likelihood)},
          {"variance", variance}, {"learn_variance", learn_variance}, {"binarize", binarize},
          {"classes", classes},   {"init", init.name()}};
  if (conv()) {
    json["input_shape"] = {input_shape.c, input_shape.h, input_shape.w};
    json["encoder_layers"] = encoder_layers;
    json["decoder_layers"] = decoder_layers;
  }
  return json;
}

VaeConfig VaeConfig::from_json(const nlohmann::json& json) {
  VaeConfig c;
  c.dims = json.at("dims").get<std::vector<Index>>();
  c.hidden = parse_activation(json.at("activation").get<std::string>());
  c.likelihood = parse_vae_likelihood(json.at("likelihood").get<std::string>());
  c.variance = json.at("variance").get<double>();
  c.learn_variance = json.value("learn_variance", false);  // absent in files from before it
  c.binarize = json.at("binarize").get<bool>();
  c.classes = json.value("classes", Index(0));
  c.init = nn::Init::parse(json.at("init").get<std::string>());
  if (json.contains("encoder_layers")) {  // a conv vae
    const auto shape = json.at("input_shape").get<std::vector<Index>>();
    if (shape.size() != 3) throw UsageError("input_shape must have 3 entries [C, H, W]");
    c.input_shape = {shape[0], shape[1], shape[2]};
    c.encoder_layers = json.at("encoder_layers").get<std::vector<std::string>>();
    c.decoder_layers = json.at("decoder_layers").get<std::vector<std::string>>();
  }
  c.validate();
  return c;
}

namespace {

const VaeConfig& checked(const VaeConfig& config) {
  config.validate();
  return config;
}

std::unique_ptr<nn::Dense> head(const nn::Sequential& trunk, const VaeConfig& config) {
  return std::make_unique<nn::Dense>(trunk.out_features(), config.dims.back(), Activation::identity, config.init);
}

}  // namespace

Vae::Vae(const VaeConfig& config) : config_(checked(config)) {
  if (config_.conv()) {
    build_conv();
  } else {
    const auto& d = config_.dims;
    const std::size_t hidden_layers = d.size() - 2;
    const Index c = config_.classes;  // the one-hot width added to the first encoder and decoder layers
    for (std::size_t i = 0; i < hidden_layers; ++i)
      trunk_.add(std::make_unique<nn::Dense>(d[i] + (i == 0 ? c : 0), d[i + 1], config_.hidden, config_.init));
    for (std::size_t i = d.size() - 1; i >= 1; --i) {  // L -> H_k -> ... -> H_1 -> D (or 2D)
      const bool first = i == d.size() - 1, last = i == 1;
      decoder_.add(std::make_unique<nn::Dense>(d[i] + (first ? c : 0), last ? config_.decoder_outputs(d[0]) : d[i - 1],
                                               last ? Activation::identity : config_.hidden, config_.init));
    }
  }
  for (std::size_t i = 0; i < decoder_.size(); ++i)
    if (const auto* dense = dynamic_cast<const nn::Dense*>(&decoder_[i])) decoder_layers_.push_back(dense);
  if (decoder_layers_.size() != decoder_.size()) decoder_layers_.clear();
  mu_head_ = head(trunk_, config_);
  log_variance_head_ = head(trunk_, config_);
  trunk_.set_input_gradient(false);
  parameters_.allocate_and_bind(
      {{"encoder", &trunk_}, {"mu", mu_head_.get()}, {"log_variance", log_variance_head_.get()}, {"decoder", &decoder_}});
}

void Vae::build_conv() {
  const Shape input = config_.input_shape;
  if (input.size() != config_.dims.front())
    throw UsageError(fmt::format("a conv vae needs the input's shape: expected one of {} values (dims), found {}",
                                 config_.dims.front(), nn::shape_text(input)));
  nn::build_layer_list(config_.encoder_layers, "encoder_layers", input, config_.init, trunk_);
  const Shape output = nn::build_layer_list(config_.decoder_layers, "decoder_layers", {1, 1, latent_size()},
                                            config_.init, decoder_);
  const Shape expected{config_.learn_variance ? 2 * input.c : input.c, input.h, input.w};
  if (!(output == expected))
    throw UsageError(fmt::format("decoder_layers end in shape {}, expected {}{}", nn::shape_text(output),
                                 nn::shape_text(expected),
                                 config_.learn_variance ? " (the input's channels twice: means and log variances)"
                                                        : " (the input's)"));
}

void Vae::initialize(Rng& rng) {
  trunk_.initialize(rng);
  mu_head_->initialize(rng);
  log_variance_head_->initialize(rng);
  decoder_.initialize(rng);
}

ConstMatrixRef Vae::with_condition(ConstMatrixRef a, std::span<const std::int32_t> labels, Workspace& buffer) const {
  return conditional() ? join_one_hot(a, labels, config_.classes, 1, "vae", buffer) : a;
}

void Vae::encode_distribution(ConstMatrixRef x, std::span<const std::int32_t> labels) {
  if (x.cols() != input_size())
    throw Error(fmt::format("vae expects {} inputs per row, data has {} columns", input_size(), x.cols()));
  ConstMatrixRef h = trunk_.forward(with_condition(x, labels, encoder_inputs_));
  mu_head_->forward(h);
  log_variance_head_->forward(h);
}

ConstMatrixRef Vae::mu() const { return mu_head_->output(); }
ConstMatrixRef Vae::log_variance() const { return log_variance_head_->output(); }

ConstMatrixRef Vae::decoder_output(ConstMatrixRef z, std::span<const std::int32_t> labels) {
  if (z.cols() != latent_size())
    throw Error(fmt::format("vae decodes codes of size {}, input has {} columns", latent_size(), z.cols()));
  return decoder_.forward(with_condition(z, labels, decoder_inputs_));
}

ConstMatrixRef Vae::backward_decoder(ConstMatrixRef d_out) {
  ConstMatrixRef d_input = decoder_.backward(d_out);  // [N, L] or [N, L + C]
  if (!conditional()) return d_input;
  MatrixMap dz = code_gradient_.view(d_input.rows(), latent_size());
  dz = d_input.leftCols(latent_size());
  return dz;
}

void Vae::backward_encoder(ConstMatrixRef d_mu, ConstMatrixRef d_log_variance) {
  ConstMatrixRef from_mu = mu_head_->backward(d_mu);
  MatrixMap dh = trunk_gradient_.view(from_mu.rows(), from_mu.cols());
  dh = from_mu;
  dh += log_variance_head_->backward(d_log_variance);
  trunk_.backward(dh);
}

ConstMatrixRef Vae::mean_of(ConstMatrixRef out) {
  MatrixMap mean = mean_.view(out.rows(), input_size());
  mean = out.leftCols(input_size());
  if (config_.likelihood == VaeLikelihood::bernoulli)
    add_bias_and_activate(Activation::sigmoid, mean, MatrixMap(nullptr, 0, 0));
  return mean;
}

std::string Vae::description() const {
  const std::string variance = config_.learn_variance ? " (learned variance)"
                               : config_.likelihood == VaeLikelihood::gaussian
                                   ? fmt::format(" (variance {:g})", config_.variance)
                                   : "";
  const std::string layers =
      config_.conv() ? fmt::format("conv {}: {} -> latent {} -> {}", nn::shape_text(config_.input_shape),
                                   fmt::join(config_.encoder_layers, ", "), latent_size(),
                                   fmt::join(config_.decoder_layers, ", "))
                     : fmt::format("{}, {}", fmt::join(config_.dims, "-"), activation_name(config_.hidden));
  return fmt::format("{}vae {}, {} decoder{}{}", conditional() ? fmt::format("conditional ({} classes) ", config_.classes) : "",
                     layers,
                     vae_likelihood_name(config_.likelihood), variance, config_.binarize ? ", binarized inputs" : "");
}

ConstMatrixRef Vae::encode(ConstMatrixRef x) {
  encode_distribution(x);
  return mu();
}

ConstMatrixRef Vae::decode(ConstMatrixRef codes) { return mean_of(decoder_output(codes)); }

ConstMatrixRef Vae::reconstruct(ConstMatrixRef x) {
  encode_distribution(x);
  return decode(mu());
}

ConstMatrixRef Vae::sample_classes(std::span<const std::int32_t> labels, Rng& rng) {
  MatrixMap z = prior_codes_.view(Index(labels.size()), latent_size());
  fill_normal(rng, z);
  return mean_of(decoder_output(z, labels));
}

ConstMatrixRef Vae::sample(Index n, Rng& rng) {
  if (!conditional()) {
    MatrixMap z = prior_codes_.view(n, latent_size());
    fill_normal(rng, z);
    return decode(z);
  }
  class_major_labels(n, config_.classes, sample_labels_);
  return sample_classes(sample_labels_, rng);
}

LikelihoodRows Vae::estimate_likelihood_rows(ConstMatrixRef x, std::span<const std::int32_t> labels, Index samples,
                                             Rng& rng) {
  return models::estimate_likelihood_rows(*this, x, labels, samples, rng);
}

DenseChain Vae::dense_layers() const {
  DenseChain chain{{}, config_.likelihood == VaeLikelihood::bernoulli ? Activation::sigmoid : Activation::identity};
  for (const nn::Dense* layer : decoder_layers_)
    chain.layers.push_back({layer->weight().cast<float>(), layer->bias().cast<float>(), layer->activation()});
  DenseLayer& last = chain.layers.back();  // a learned variance's half is not part of the mean
  last.weight = last.weight.topRows(input_size()).eval();
  last.bias = last.bias.leftCols(input_size()).eval();
  return chain;
}

nlohmann::json Vae::to_json() const {
  nlohmann::json json = config_.to_json();
  json["kind"] = kKind;
  return json;
}

std::vector<StateBlock> Vae::state_layout() const { return parameter_layout(parameters_); }

std::vector<float> Vae::state() const { return parameter_state(parameters_); }

void Vae::set_state(std::span<const float> values) { set_parameter_state(*this, parameters_, values); }

}  // namespace aekit::models
