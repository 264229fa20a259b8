// Generative adversarial networks (--model gan: the lecture's mlp GAN; --model dcgan: Radford
// et al. 2016; models/gan/gan.hpp): GanStep on the loop. The data's shape (from the training
// set) is the generator's output and the discriminator's input; the default generator ends in
// tanh for data scaled to [-1, 1], else in sigmoid. A conditional GAN (conditional = true) has
// as many classes as the training labels.
#include "aekit/app/family.hpp"
#include "aekit/models/gan/gan_step.hpp"

namespace aekit::app {
namespace {

models::GanConfig config_of(const train::TrainConfig& c, const train::Rows& rows) {
  models::GanConfig config = c.gan_model;
  config.architecture = models::parse_gan_architecture(c.family == "dcgan" ? "dcgan" : "mlp");
  config.init = models::default_gan_init(config.architecture);
  config.data_shape = c.model.input_shape;
  if (c.scaling == "symmetric") config.default_output = Activation::tanh;
  if (c.conditional) config.classes = class_count(rows.labels, "conditional = true");
  return config;
}

class GanRun final : public FamilyRun {
 public:
  GanRun(const train::TrainConfig& c, const train::Rows& rows)
      : model_(config_of(c, rows)), step_(model_, c.optimizer, c.lr, c.gan) {
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
  return {{"gan", "dcgan"},
          [](const train::TrainConfig&) { return true; },
          [](const train::TrainConfig&, Index, Index) {},
          [](const train::TrainConfig& c, const train::Rows& rows) -> std::unique_ptr<FamilyRun> {
            return std::make_unique<GanRun>(c, rows);
          }};
}

}  // namespace aekit::app
