// Goodfellow et al.'s Proposition 1 (lecture 001's "optimal D"): for a fixed generator the
// discriminator that minimizes L_D is D*(x) = p_data(x) / (p_data(x) + p_g(x)). On a 1-D toy
// with known densities, p_data = N(0, 1) and a frozen generator x = z + 1 (p_g = N(1, 1)),
// D*(x) = 1 / (1 + e^(x - 1/2)); GanStep's discriminator steps (fresh real rows and noise each
// time, the generator's turn never coming) must reach it.
#include <gtest/gtest.h>

#include <cmath>

#include "aekit/models/gan/gan_step.hpp"
#include "support/step_contexts.hpp"

namespace aekit::models {
namespace {

TEST(OptimalDiscriminator, DiscriminatorStepsReachPdataOverPdataPlusPg) {
  GanConfig config;
  config.latent = 1;
  config.data_shape = {1, 1, 1};
  config.generator_layers = {"dense 1"};
  config.discriminator_layers = {"dense 16 tanh", "dense 16 tanh", "dense 1"};
  Gan model(config);
  Rng init(1);
  model.initialize(init);
  auto values = model.parameters().values();
  values[0] = 1;  // the generator's weight: x = 1 * z + 1
  values[1] = 1;  // its bias
  optim::OptimizerConfig adam;
  GanStep step(model, adam, 0.005, {GeneratorLoss::non_saturating, Index(1) << 40, 0});
  test::OptimizerContext context(2);  // global step 0: a round of 2^40 D steps never ends
  Rng data(3);
  Matrix x(256, 1);
  std::vector<double> losses(6);
  for (int t = 0; t < 3000; ++t) {
    for (Index n = 0; n < x.rows(); ++n) x(n, 0) = Scalar(data.normal());
    step.step({x, {}}, context, losses);
  }
  EXPECT_EQ(values[0], 1) << "the generator must stay frozen";
  EXPECT_EQ(values[1], 1);
  Matrix grid(9, 1);
  for (Index i = 0; i < grid.rows(); ++i) grid(i, 0) = Scalar(-1.5 + 0.5 * double(i));  // -1.5 .. 2.5
  const Matrix logits = model.discriminate(grid);
  double worst = 0;
  for (Index i = 0; i < grid.rows(); ++i) {
    const double d = 1 / (1 + std::exp(-double(logits(i, 0))));
    const double optimal = 1 / (1 + std::exp(double(grid(i, 0)) - 0.5));
    worst = std::max(worst, std::abs(d - optimal));
    EXPECT_NEAR(d, optimal, 0.05) << "at x = " << grid(i, 0);
  }
  std::printf("[ optimal D ] largest |D(x) - D*(x)| on -1.5..2.5: %.4f\n", worst);
  // At the optimum L_D = log 4 - 2 JSD(p_data || p_g), about 1.1635 nats for these two
  // Gaussians (a numerical integral); the last batch's loss is a noisy estimate of it.
  EXPECT_NEAR(losses[0], 1.1635, 0.1);
}

}  // namespace
}  // namespace aekit::models
