// The autoencoders (--model mlp | conv, every regularizer): AutoencoderStep on the loop.
#include "aekit/app/family.hpp"
#include "aekit/models/autoencoder/autoencoder_step.hpp"

namespace aekit::app {
namespace {

class AutoencoderRun final : public FamilyRun {
 public:
  explicit AutoencoderRun(const train::TrainConfig& config)
      : model_(config.model), objective_(config.loss, config.model.output, config.regularization()),
        step_(model_, objective_, optim::make_optimizer(config.optimizer), config.lr) {
    Rng init = Rng(config.seed).derive("init");
    model_.initialize(init);
  }
  train::TrainingStep* step() override { return &step_; }
  models::Model& model() override { return model_; }

 private:
  models::Autoencoder model_;
  models::Objective objective_;
  models::AutoencoderStep step_;
};

}  // namespace

Family autoencoder_family() {
  return {{"mlp", "conv"},
          [](const train::TrainConfig&) { return true; },
          [](const train::TrainConfig&, Index, Index) {},
          [](const train::TrainConfig& config, ConstMatrixRef) {
            return std::make_unique<AutoencoderRun>(config);
          }};
}

}  // namespace aekit::app
