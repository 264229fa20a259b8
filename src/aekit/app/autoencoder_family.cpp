// The autoencoders (--model mlp | conv, every regularizer): AutoencoderStep on the loop.
#include <fmt/format.h>

#include "aekit/app/family.hpp"
#include "aekit/error.hpp"
#include "aekit/models/autoencoder/autoencoder_step.hpp"
#include "aekit/store/saved_model.hpp"

namespace aekit::app {
namespace {

class AutoencoderRun final : public FamilyRun {
 public:
  explicit AutoencoderRun(const train::TrainConfig& config)
      : model_(config.model), objective_(config.loss, config.model.output, config.regularization()),
        step_(model_, objective_, optim::make_optimizer(config.optimizer), config.lr) {
    Rng init = Rng(config.seed).derive("init");
    model_.initialize(init);
    if (!config.init_from.empty()) start_from_file(model_, config.init_from);
  }
  train::TrainingStep* step() override { return &step_; }
  models::Model& model() override { return model_; }

 private:
  models::Autoencoder model_;
  models::Objective objective_;
  models::AutoencoderStep step_;
};

}  // namespace

void start_from_file(models::Autoencoder& model, const std::string& path) {
  const store::SavedModel saved = store::load_model(path);
  const auto& mine = model.config();
  const auto fits = [&] {
    if (saved.model->kind() != models::Autoencoder::kKind) return false;
    const auto other = models::AutoencoderConfig::from_json(saved.model->to_json());
    return other.architecture == mine.architecture && other.dims == mine.dims && other.tied == mine.tied &&
           other.hidden == mine.hidden && other.code == mine.code && other.output == mine.output;
  };
  if (!fits())
    throw UsageError(fmt::format("init_from: expected a model like this run's, {}; found {} in '{}'",
                                 model.description(), saved.model->description(), path));
  model.set_state(saved.model->state());
}

Family autoencoder_family() {
  return {{"mlp", "conv"},
          [](const train::TrainConfig&) { return true; },
          [](const train::TrainConfig&, Index, Index) {},
          [](const train::TrainConfig& config, const train::Rows&) {
            return std::make_unique<AutoencoderRun>(config);
          }};
}

}  // namespace aekit::app
