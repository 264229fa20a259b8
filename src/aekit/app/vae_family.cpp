// Variational autoencoders (--model vae, models/vae/vae.hpp): VaeStep on the loop. A
// conditional VAE (conditional = true) has as many classes as the training labels.
#include "aekit/app/family.hpp"
#include "aekit/models/vae/vae_step.hpp"

namespace aekit::app {
namespace {

models::VaeConfig config_of(const train::TrainConfig& c, const train::Rows& rows) {
  models::VaeConfig config = c.vae_config();
  if (c.conditional) config.classes = class_count(rows.labels, "conditional = true");
  return config;
}

class VaeRun final : public FamilyRun {
 public:
  VaeRun(const train::TrainConfig& c, const train::Rows& rows)
      : model_(config_of(c, rows)), step_(model_, c.optimizer, c.lr, c.vae) {
    Rng init = Rng(c.seed).derive("init");
    model_.initialize(init);
  }
  train::TrainingStep* step() override { return &step_; }
  models::Model& model() override { return model_; }

 private:
  models::Vae model_;
  models::VaeStep step_;
};

}  // namespace

Family vae_family() {
  return {{"vae"},
          [](const train::TrainConfig&) { return true; },
          [](const train::TrainConfig&, Index, Index) {},
          [](const train::TrainConfig& c, const train::Rows& rows) -> std::unique_ptr<FamilyRun> {
            if (c.binarize) require_unit_interval(rows.x, "binarize = true", "or binarize = false");
            else if (c.loss == models::LossKind::bce)
              require_unit_interval(rows.x, "loss = bce (a bernoulli decoder)", "or loss = mse (a gaussian decoder)");
            return std::make_unique<VaeRun>(c, rows);
          }};
}

}  // namespace aekit::app
