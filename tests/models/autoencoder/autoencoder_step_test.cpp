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
    step.validate(x, metrics);
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
