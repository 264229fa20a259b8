#include "aekit/models/gan/gan.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aekit/error.hpp"
#include "aekit/models/one_hot_condition.hpp"
#include "aekit/nn/dense.hpp"
#include "aekit/nn/layer_list.hpp"
#include "aekit/nn/layer_spec.hpp"
#include "aekit/tensor/random_blocks.hpp"

namespace aekit::models {
namespace {

// Empty lists take the architecture's defaults.
void use_default_layers(GanConfig& c) {
  if (!c.generator_layers.empty() && !c.discriminator_layers.empty()) return;
  const GanLayers defaults = default_gan_layers(c.architecture, c.data_shape, c.default_output);
  if (c.generator_layers.empty()) c.generator_layers = defaults.generator;
  if (c.discriminator_layers.empty()) c.discriminator_layers = defaults.discriminator;
}

// Whether a conditional discriminator takes its labels as planes after the image's channels:
// when its first layer sees the image (a conv, a pooling), not when it flattens the row first
// (dense, flatten) or the rows are flat.
bool label_planes(const GanConfig& c) {
  const Shape s = c.data_shape;
  if (s.c == 1 && s.h == 1) return false;
  const auto first = nn::parse_layer_spec(c.discriminator_layers.front()).kind;
  return first != nn::LayerSpec::Kind::dense && first != nn::LayerSpec::Kind::flatten;
}

// The discriminator's input: [x | y] for a conditional GAN (gan.hpp).
Shape discriminator_input(const GanConfig& c) {
  if (c.classes == 0) return c.data_shape;
  const Shape s = c.data_shape;
  return label_planes(c) ? Shape{s.c + c.classes, s.h, s.w} : Shape{1, 1, s.size() + c.classes};
}

// How often each class's indicator repeats in [x | y]: a plane per class, or once.
Index label_repeat(const GanConfig& c) { return label_planes(c) ? c.data_shape.h * c.data_shape.w : 1; }

const GanConfig& checked(const GanConfig& config) {
  config.validate();
  return config;
}

}  // namespace

void GanConfig::validate() const {
  if (latent < 1) throw UsageError(fmt::format("latent: expected a noise size of at least 1, found {}", latent));
  if (data_shape.size() < 1) throw UsageError("a gan needs the data's shape (at least one value per row)");
  if (classes < 0) throw UsageError(fmt::format("classes: expected 0 (unconditional) or more, found {}", classes));
  if (categorical < 0 || categorical == 1)
    throw UsageError(fmt::format("categorical: expected 0 (none) or a code of at least 2 values, found {}", categorical));
  if (continuous < 0) throw UsageError(fmt::format("continuous: expected 0 (none) or more codes, found {}", continuous));
  if (classes > 0 && info().any())
    throw UsageError("conditional = true and InfoGAN codes (categorical, continuous) both set: choose one");
  const auto discriminator = nn::parse_layer_list(discriminator_layers, "discriminator_layers");
  nn::parse_layer_list(generator_layers, "generator_layers");
  if (!discriminator.empty() && discriminator.back().activation)
    throw UsageError(fmt::format("discriminator_layers: the last layer '{}' must have no activation: it gives the "
                                 "logit of D(x), and the loss applies the sigmoid", discriminator.back().text));
}

nlohmann::json GanConfig::to_json() const {
  return {{"latent", latent},
          {"architecture", gan_architecture_name(architecture)},
          {"generator_layers", generator_layers},
          {"discriminator_layers", discriminator_layers},
          {"data_shape", {data_shape.c, data_shape.h, data_shape.w}},
          {"classes", classes},
          {"categorical", categorical},
          {"continuous", continuous},
          {"init", init.name()}};
}

GanConfig GanConfig::from_json(const nlohmann::json& json) {
  GanConfig c;
  c.latent = json.at("latent").get<Index>();
  c.architecture = parse_gan_architecture(json.value("architecture", "mlp"));
  c.generator_layers = json.at("generator_layers").get<std::vector<std::string>>();
  c.discriminator_layers = json.at("discriminator_layers").get<std::vector<std::string>>();
  const auto shape = json.at("data_shape").get<std::vector<Index>>();
  if (shape.size() != 3) throw UsageError("data_shape must have 3 entries [C, H, W]");
  c.data_shape = {shape[0], shape[1], shape[2]};
  c.classes = json.value("classes", Index(0));
  c.categorical = json.value("categorical", Index(0));
  c.continuous = json.value("continuous", Index(0));
  c.init = nn::Init::parse(json.at("init").get<std::string>());
  c.validate();
  return c;
}

Gan::Gan(const GanConfig& config) : config_(checked(config)) {
  use_default_layers(config_);
  const Shape generated = nn::build_layer_list(config_.generator_layers, "generator_layers",
                                               {1, 1, latent_size() + config_.classes}, config_.init, generator_);
  if (!(generated == config_.data_shape))
    throw UsageError(fmt::format("generator_layers end in shape {}, expected the data's {}", nn::shape_text(generated),
                                 nn::shape_text(config_.data_shape)));
  const Shape judged = nn::build_layer_list(config_.discriminator_layers, "discriminator_layers",
                                            discriminator_input(config_), config_.init, discriminator_);
  if (judged.size() != 1)
    throw UsageError(fmt::format("discriminator_layers end in shape {}, expected one value (the logit of D(x)), e.g. "
                                 "a last layer 'dense 1'", nn::shape_text(judged)));
  generator_.set_input_gradient(false);  // nothing upstream of the noise
  std::vector<std::pair<std::string, nn::Layer*>> parts{{"generator", &generator_}};
  if (info_gan()) {
    if (discriminator_.size() < 2)
      throw UsageError("an InfoGAN's Q head shares the discriminator's layers but the last: discriminator_layers "
                       "needs at least 2 layers");
    q_head_.add(std::make_unique<nn::Dense>(discriminator_[trunk_layers() - 1].out_features(),
                                            config_.categorical + config_.continuous, Activation::identity,
                                            config_.init));
    parts.push_back({"q", &q_head_});
  }
  parts.push_back({"discriminator", &discriminator_});
  parameters_.allocate_and_bind(parts);
  for (const auto& part : {&generator_, &q_head_})
    for (const auto& spec : part->param_specs()) generator_count_ += spec.rows * spec.cols;
  buffers_.add("generator", generator_);
  buffers_.add("discriminator", discriminator_);
}

void Gan::set_training(Rng* noise) {
  generator_.set_training(noise);
  discriminator_.set_training(noise);
}

void Gan::initialize(Rng& rng) {
  generator_.initialize(rng);
  discriminator_.initialize(rng);
  if (info_gan()) q_head_.initialize(rng);
}

ConstMatrixRef Gan::generate(ConstMatrixRef z, std::span<const std::int32_t> labels) {
  if (z.cols() != latent_size())
    throw Error(fmt::format("gan generates from codes of size {}, input has {} columns", latent_size(), z.cols()));
  if (!conditional()) return generator_.forward(z);
  return generator_.forward(join_one_hot(z, labels, config_.classes, 1, "gan", generator_inputs_));
}

ConstMatrixRef Gan::discriminate(ConstMatrixRef x, std::span<const std::int32_t> labels) {
  if (x.cols() != input_size())
    throw Error(fmt::format("gan discriminates rows of {} values, input has {} columns", input_size(), x.cols()));
  if (info_gan()) {
    ConstMatrixRef h = trunk(x);
    q_head_.forward(h);
    return discriminator_.forward_range(h, trunk_layers(), discriminator_.size());
  }
  if (!conditional()) return discriminator_.forward(x);
  return discriminator_.forward(join_one_hot(x, labels, config_.classes, label_repeat(config_), "gan",
                                             discriminator_inputs_));
}

ConstMatrixRef Gan::trunk(ConstMatrixRef input) { return discriminator_.forward_range(input, 0, trunk_layers()); }

ConstMatrixRef Gan::q_output() const {
  AEKIT_ASSERT(info_gan());
  return static_cast<const nn::Dense&>(q_head_[0]).output();
}

ConstMatrixRef Gan::backward_discriminator_and_q(ConstMatrixRef d_logits, ConstMatrixRef d_q) {
  ConstMatrixRef from_logits = discriminator_.backward_range(d_logits, trunk_layers(), discriminator_.size());
  MatrixMap dh = trunk_gradient_.view(from_logits.rows(), from_logits.cols());
  dh = from_logits;
  dh += q_head_.backward(d_q);
  return discriminator_.backward_range(dh, 0, trunk_layers());
}

ConstMatrixRef Gan::backward_discriminator(ConstMatrixRef d_logits) {
  ConstMatrixRef d_input = discriminator_.backward(d_logits);  // [N, D] or dL/d[x | y]
  if (!conditional()) return d_input;
  MatrixMap dx = data_gradient_.view(d_input.rows(), input_size());
  dx = d_input.leftCols(input_size());
  return dx;
}

void Gan::backward_generator(ConstMatrixRef dx) { generator_.backward(dx); }

std::string Gan::description() const {
  const std::string codes = info_gan() ? fmt::format(", infogan: {} categories, {} continuous codes",
                                                     config_.categorical, config_.continuous) : "";
  return fmt::format("gan ({}{}{}), noise {} -> generator {} -> {} -> discriminator {} -> D(x)",
                     gan_architecture_name(config_.architecture),
                     conditional() ? fmt::format(", conditional on {} classes", config_.classes) : "", codes, config_.latent,
                     fmt::join(config_.generator_layers, ", "), nn::shape_text(config_.data_shape),
                     fmt::join(config_.discriminator_layers, ", "));
}

ConstMatrixRef Gan::sample(Index n, Rng& rng) {
  if (conditional()) {
    class_major_labels(n, config_.classes, sample_labels_);
    return sample_classes(sample_labels_, rng);
  }
  MatrixMap z = noise_.view(n, latent_size());
  draw_codes(rng, z);
  return decode(z);
}

ConstMatrixRef Gan::sample_classes(std::span<const std::int32_t> labels, Rng& rng) {
  MatrixMap z = noise_.view(Index(labels.size()), latent_size());
  fill_normal(rng, z);
  set_training(nullptr);
  return generate(z, labels);
}

ConstMatrixRef Gan::decode(ConstMatrixRef codes) {
  set_training(nullptr);
  return generate(codes);
}

nlohmann::json Gan::to_json() const {
  nlohmann::json json = config_.to_json();
  json["kind"] = kKind;
  return json;
}

std::vector<StateBlock> Gan::state_layout() const { return layout_with_buffers(parameters_, buffers_); }

std::vector<float> Gan::state() const { return state_with_buffers(parameters_, buffers_); }

void Gan::set_state(std::span<const float> values) { set_state_with_buffers(*this, parameters_, buffers_, values); }

}  // namespace aekit::models
