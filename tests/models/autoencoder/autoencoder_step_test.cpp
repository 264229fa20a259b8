// The autoencoder's training step (models/autoencoder/autoencoder_step.hpp): one group over
// every parameter, validation metrics that are the objective's loss and the MSE, and the
// BatchNorm statistics as extra state.
#include "aekit/models/autoencoder/autoencoder_step.hpp"

#include <gtest/gtest.h>

#include "aekit/train/trainer.hpp"
#include "support/random_data.hpp"

namespace aekit::models {
namespace {

AutoencoderConfig mlp(Activation output) {
  AutoencoderConfig c;
  c.dims = {12, 6, 3};
  c.output = output;
  return c;
}

// A denoising autoencoder is validated on what it is trained for: the reconstruction of
// corrupted rows against the clean ones (the same draw every epoch), so the best epoch kept is
// the best denoiser; "mse" stays the clean rows'.
TEST(AutoencoderStep, ADenoisingAutoencoderIsValidatedOnCorruptedRows) {
  Autoencoder model(mlp(Activation::sigmoid));
  Rng rng(1);
  model.initialize(rng);
  Regularization r;
  r.corruption = Corruption::parse("mask:0.5");
  Objective objective(LossKind::bce, Activation::sigmoid, r);
  AutoencoderStep step(model, objective, optim::make_optimizer({}), 0.01);
  const Matrix x = test::uniform_data(40, 12, 2).cast<Scalar>();
  double metrics[2], again[2];
  step.validate({x, {}}, metrics);
  step.validate({x, {}}, again);
  Matrix corrupted(40, 12);
  Rng noise = Rng(0).derive("validation_noise");
  r.corruption.apply(x, corrupted, noise);
  EXPECT_EQ(metrics[0], evaluate_reconstruction(model, corrupted, x).bce);
  EXPECT_NE(metrics[0], evaluate_reconstruction(model, x).bce);
  EXPECT_EQ(metrics[1], evaluate_reconstruction(model, x).mse);
  EXPECT_EQ(again[0], metrics[0]) << "the validation draw must not change between epochs";
}

TEST(AutoencoderStep, OneGroupOverEveryParameterAndMetricsOfTheObjective) {
  for (const LossKind loss : {LossKind::mse, LossKind::bce}) {
    Autoencoder model(mlp(Activation::sigmoid));
    Rng rng(1);
    model.initialize(rng);
    Objective objective(loss, Activation::sigmoid);
    AutoencoderStep step(model, objective, optim::make_optimizer({}), 0.01);
    ASSERT_EQ(step.groups().size(), 1u);
    EXPECT_EQ(step.groups()[0].name, "model");
    EXPECT_EQ(step.groups()[0].values.data(), model.parameters().values().data());
    EXPECT_EQ(step.groups()[0].values.size(), model.parameters().values().size());

    const Matrix x = test::uniform_data(40, 12, 2).cast<Scalar>();
    double metrics[2];
    step.validate({x, {}}, metrics);
    const auto m = evaluate_reconstruction(model, x);
    EXPECT_EQ(metrics[0], loss == LossKind::bce ? m.bce : m.mse);
    EXPECT_EQ(metrics[1], m.mse);

    train::LoopSettings settings;
    settings.epochs = 5;
    settings.batch = 8;
    settings.patience = 0;
    const auto losses = train::train_all_rows(step, x, settings);
    ASSERT_EQ(losses.size(), 5u);
    EXPECT_LT(losses.back(), losses.front()) << loss_name(loss);
    EXPECT_EQ(step.extra_state().size(), 0) << "an mlp has no buffers";
  }
}

}  // namespace
}  // namespace aekit::models
