// Generative adversarial networks (--model gan, models/gan/gan.hpp): GanStep on the loop. The
// data's shape (from the training set) is the generator's output and the discriminator's input;
// the default generator ends in tanh for data scaled to [-1, 1], else in sigmoid.
#include "aekit/app/family.hpp"
#include "aekit/models/gan/gan_step.hpp"

namespace aekit::app {
namespace {

models::GanConfig config_of(const train::TrainConfig& c) {
  models::GanConfig config = c.gan_model;
  config.data_shape = c.model.input_shape;
  if (c.scaling == "symmetric") config.default_output = Activation::tanh;
  return config;
}

class GanRun final : public FamilyRun {
 public:
  explicit GanRun(const train::TrainConfig& c) : model_(config_of(c)), step_(model_, c.optimizer, c.lr, c.gan) {
    Rng init = Rng(c.seed).derive("init");
    model_.initialize(init);
  }
  train::TrainingStep* step() override { return &step_; }
  models::Model& model() override { return model_; }

 private:
  models::Gan model_;
  models::GanStep step_;
};

}  // namespace

Family gan_family() {
  return {{"gan"},
          [](const train::TrainConfig&) { return true; },
          [](const train::TrainConfig&, Index, Index) {},
          [](const train::TrainConfig& c, const train::Rows&) -> std::unique_ptr<FamilyRun> {
            return std::make_unique<GanRun>(c);
          }};
}

}  // namespace aekit::app
