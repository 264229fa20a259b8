#include "aekit/models/classifier/encoder_classifier.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::models {
namespace {

AutoencoderConfig mlp_only(const AutoencoderConfig& config) {
  if (config.architecture != Architecture::mlp)
    throw UsageError(fmt::format("a classifier's encoder is an mlp, found architecture {}",
                                 architecture_name(config.architecture)));
  return config;
}

Index checked_classes(Index classes) {
  if (classes < 2)
    throw Error(fmt::format("a classifier needs at least 2 classes, found {}", classes));
  return classes;
}

}  // namespace

EncoderClassifier::EncoderClassifier(const AutoencoderConfig& autoencoder, Index classes,
                                     bool decoder_trained)
    : autoencoder_(mlp_only(autoencoder)),
      head_(autoencoder_.code_size(), checked_classes(classes), Activation::identity, autoencoder.init),
      decoder_trained_(decoder_trained) {
  head_parameters_.allocate_and_bind({{"head", &head_}});
}

void EncoderClassifier::initialize(Rng& rng) {
  autoencoder_.initialize(rng);
  head_.initialize(rng);
}

ConstMatrixRef EncoderClassifier::class_scores(ConstMatrixRef x) {
  ConstMatrixRef h = autoencoder_.encode(x);
  head_.set_training(nullptr);
  return head_.forward(h);
}

std::string EncoderClassifier::description() const {
  return fmt::format("softmax head ({} classes) on the encoder of {}; {}", class_count(),
                     autoencoder_.description(),
                     decoder_trained_ ? "decoder trained along" : "decoder not trained");
}

nlohmann::json EncoderClassifier::to_json() const {
  return {{"kind", kKind}, {"autoencoder", autoencoder_.to_json()}, {"classes", class_count()},
          {"decoder_trained", decoder_trained_}};
}

std::unique_ptr<EncoderClassifier> EncoderClassifier::from_json(const nlohmann::json& json) {
  return std::make_unique<EncoderClassifier>(AutoencoderConfig::from_json(json.at("autoencoder")),
                           json.at("classes").get<Index>(), json.at("decoder_trained").get<bool>());
}

std::vector<StateBlock> EncoderClassifier::state_layout() const {
  std::vector<StateBlock> layout = autoencoder_.state_layout();
  for (const auto& s : head_parameters_.slices()) layout.push_back({s.name, s.rows, s.cols});
  return layout;
}

std::vector<float> EncoderClassifier::state() const {
  std::vector<float> all = autoencoder_.state();
  const auto head = head_parameters_.values();
  all.insert(all.end(), head.begin(), head.end());
  return all;
}

void EncoderClassifier::set_state(std::span<const float> values) {
  check_state_size(*this, values.size());
  const std::size_t head = head_parameters_.values().size();
  autoencoder_.set_state(values.first(values.size() - head));
  const auto tail = values.last(head);
  std::copy(tail.begin(), tail.end(), head_parameters_.values().begin());
}

}  // namespace aekit::models
