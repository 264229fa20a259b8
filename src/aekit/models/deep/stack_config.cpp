#include "aekit/models/deep/stack_config.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::models {

LayerTrainer parse_layer_trainer(const std::string& name) {
  if (name == "rbm") return LayerTrainer::rbm;
  if (name == "autoencoder") return LayerTrainer::autoencoder;
  if (name == "denoising") return LayerTrainer::denoising;
  throw UsageError(fmt::format("layer_trainer: expected rbm, autoencoder or denoising, found '{}'", name));
}

std::string layer_trainer_name(LayerTrainer trainer) {
  switch (trainer) {
    case LayerTrainer::rbm: return "rbm";
    case LayerTrainer::autoencoder: return "autoencoder";
    case LayerTrainer::denoising: return "denoising";
  }
  return "";
}

void StackConfig::validate(Index layers) const {
  const auto check_count = [&](const char* name, std::size_t count) {
    if (count != 0 && Index(count) != layers)
      throw UsageError(fmt::format("{}: expected one value per layer ({} layers from dims) or none, found {}",
                                   name, layers, count));
  };
  check_count("layer_epochs", epochs.size());
  check_count("layer_lr", lr.size());
  for (const int e : epochs)
    if (e < 1) throw UsageError(fmt::format("layer_epochs: expected >= 1 epoch per layer, found {}", e));
  for (const double r : lr)
    if (!(r > 0)) throw UsageError(fmt::format("layer_lr: expected rates > 0, found {}", r));
}

}  // namespace aekit::models
