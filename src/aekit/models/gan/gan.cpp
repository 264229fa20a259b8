#include "aekit/models/gan/gan.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aekit/error.hpp"
#include "aekit/models/model_state.hpp"
#include "aekit/nn/layer_list.hpp"
#include "aekit/tensor/random_blocks.hpp"

namespace aekit::models {
namespace {

// The lecture's mlp GAN for rows of `shape` (gan.hpp).
void use_mlp_layers(GanConfig& c) {
  const Shape s = c.data_shape;
  if (c.generator_layers.empty()) {
    c.generator_layers = {"dense 256 leaky_relu", "dense 512 leaky_relu", "dense 1024 leaky_relu",
                          fmt::format("dense {} {}", s.size(), activation_name(c.default_output))};
    if (s.c != 1 || s.h != 1) c.generator_layers.push_back(fmt::format("reshape {}x{}x{}", s.c, s.h, s.w));
  }
  if (c.discriminator_layers.empty())
    c.discriminator_layers = {"dense 1024 leaky_relu", "dense 512 leaky_relu", "dense 256 leaky_relu", "dense 1"};
}

const GanConfig& checked(const GanConfig& config) {
  config.validate();
  return config;
}

}  // namespace

void GanConfig::validate() const {
  if (latent < 1) throw UsageError(fmt::format("latent: expected a noise size of at least 1, found {}", latent));
  if (data_shape.size() < 1) throw UsageError("a gan needs the data's shape (at least one value per row)");
  const auto discriminator = nn::parse_layer_list(discriminator_layers, "discriminator_layers");
  nn::parse_layer_list(generator_layers, "generator_layers");
  if (!discriminator.empty() && discriminator.back().activation)
    throw UsageError(fmt::format("discriminator_layers: the last layer '{}' must have no activation: it gives the "
                                 "logit of D(x), and the loss applies the sigmoid", discriminator.back().text));
}

nlohmann::json GanConfig::to_json() const {
  return {{"latent", latent},
          {"generator_layers", generator_layers},
          {"discriminator_layers", discriminator_layers},
          {"data_shape", {data_shape.c, data_shape.h, data_shape.w}},
          {"init", init.name()}};
}

GanConfig GanConfig::from_json(const nlohmann::json& json) {
  GanConfig c;
  c.latent = json.at("latent").get<Index>();
  c.generator_layers = json.at("generator_layers").get<std::vector<std::string>>();
  c.discriminator_layers = json.at("discriminator_layers").get<std::vector<std::string>>();
  const auto shape = json.at("data_shape").get<std::vector<Index>>();
  if (shape.size() != 3) throw UsageError("data_shape must have 3 entries [C, H, W]");
  c.data_shape = {shape[0], shape[1], shape[2]};
  c.init = nn::Init::parse(json.at("init").get<std::string>());
  c.validate();
  return c;
}

Gan::Gan(const GanConfig& config) : config_(checked(config)) {
  use_mlp_layers(config_);
  const Shape generated = nn::build_layer_list(config_.generator_layers, "generator_layers", {1, 1, config_.latent},
                                               config_.init, generator_);
  if (!(generated == config_.data_shape))
    throw UsageError(fmt::format("generator_layers end in shape {}, expected the data's {}", nn::shape_text(generated),
                                 nn::shape_text(config_.data_shape)));
  const Shape judged = nn::build_layer_list(config_.discriminator_layers, "discriminator_layers", config_.data_shape,
                                            config_.init, discriminator_);
  if (judged.size() != 1)
    throw UsageError(fmt::format("discriminator_layers end in shape {}, expected one value (the logit of D(x)), e.g. "
                                 "a last layer 'dense 1'", nn::shape_text(judged)));
  generator_.set_input_gradient(false);  // nothing upstream of the noise
  parameters_.allocate_and_bind({{"generator", &generator_}, {"discriminator", &discriminator_}});
  for (const auto& spec : generator_.param_specs()) generator_count_ += spec.rows * spec.cols;
}

void Gan::initialize(Rng& rng) {
  generator_.initialize(rng);
  discriminator_.initialize(rng);
}

ConstMatrixRef Gan::generate(ConstMatrixRef z) {
  if (z.cols() != config_.latent)
    throw Error(fmt::format("gan generates from noise of size {}, input has {} columns", config_.latent, z.cols()));
  return generator_.forward(z);
}

ConstMatrixRef Gan::discriminate(ConstMatrixRef x) {
  if (x.cols() != input_size())
    throw Error(fmt::format("gan discriminates rows of {} values, input has {} columns", input_size(), x.cols()));
  return discriminator_.forward(x);
}

ConstMatrixRef Gan::backward_discriminator(ConstMatrixRef d_logits) { return discriminator_.backward(d_logits); }

void Gan::backward_generator(ConstMatrixRef dx) { generator_.backward(dx); }

std::string Gan::description() const {
  return fmt::format("gan, noise {} -> generator {} -> {} -> discriminator {} -> D(x)", config_.latent,
                     fmt::join(config_.generator_layers, ", "), nn::shape_text(config_.data_shape),
                     fmt::join(config_.discriminator_layers, ", "));
}

ConstMatrixRef Gan::sample(Index n, Rng& rng) {
  MatrixMap z = noise_.view(n, config_.latent);
  fill_normal(rng, z);
  return generate(z);
}

nlohmann::json Gan::to_json() const {
  nlohmann::json json = config_.to_json();
  json["kind"] = kKind;
  return json;
}

std::vector<StateBlock> Gan::state_layout() const { return parameter_layout(parameters_); }

std::vector<float> Gan::state() const { return parameter_state(parameters_); }

void Gan::set_state(std::span<const float> values) { set_parameter_state(*this, parameters_, values); }

}  // namespace aekit::models
