// A GAN trained by GanStep on the classic mixture of 8 Gaussians on a circle (radius 2,
// standard deviation 0.05): the generator covers every mode. A collapsed generator puts its
// samples on one or a few modes; the count below would show it.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <numbers>

#include "aekit/models/gan/gan_step.hpp"
#include "support/step_contexts.hpp"

namespace aekit::models {
namespace {

constexpr int kModes = 8;

std::array<double, 2> centre(int k) {
  const double angle = 2 * std::numbers::pi * k / kModes;
  return {2 * std::cos(angle), 2 * std::sin(angle)};
}

// The step context of the loop for a hand-driven run: the optimizer, and the global step.
class CountingContext final : public test::GradientsOnlyContext {
 public:
  using GradientsOnlyContext::GradientsOnlyContext;
  void update(train::ParameterGroup& group) override { group.optimizer->step(group.values, group.grads, group.learning_rate); }
  std::int64_t global_step() const override { return step; }
  std::int64_t step = 0;
};

TEST(GanMixture, TheGeneratorCoversEveryModeOfEightGaussians) {
  GanConfig config;
  config.latent = 4;
  config.data_shape = {1, 1, 2};
  config.generator_layers = {"dense 64 relu", "dense 64 relu", "dense 2"};
  config.discriminator_layers = {"dense 64 leaky_relu", "dense 64 leaky_relu", "dense 1"};
  Gan model(config);
  Rng init(7);
  model.initialize(init);
  optim::OptimizerConfig adam;
  adam.beta1 = 0.5;  // Radford et al.'s setting for GANs
  GanStep step(model, adam, 1e-3, {GeneratorLoss::non_saturating, 1, 0});
  CountingContext context(8);
  Rng data(9);
  Matrix x(128, 2);
  std::vector<double> losses(6);
  for (; context.step < 4000; ++context.step) {
    for (Index n = 0; n < x.rows(); ++n) {
      const auto c = centre(int(data.uniform(0, kModes)) % kModes);
      x(n, 0) = Scalar(c[0] + 0.05 * data.normal());
      x(n, 1) = Scalar(c[1] + 0.05 * data.normal());
    }
    step.step({x, {}}, context, losses);
  }
  Rng draw(10);
  const Matrix samples = model.sample(4000, draw);
  std::array<int, kModes> near{};
  int close = 0;
  for (Index n = 0; n < samples.rows(); ++n)
    for (int k = 0; k < kModes; ++k) {
      const auto c = centre(k);
      if (std::hypot(double(samples(n, 0)) - c[0], double(samples(n, 1)) - c[1]) < 0.3) {
        ++near[std::size_t(k)];
        ++close;
      }
    }
  int covered = 0;
  for (const int count : near) covered += count >= 4000 / kModes / 5;  // at least a fifth of a fair share
  std::printf("[ mixture  ] samples within 0.3 of each mode: %d %d %d %d %d %d %d %d (%.1f%% near a mode)\n", near[0],
              near[1], near[2], near[3], near[4], near[5], near[6], near[7], 100.0 * close / 4000);
  EXPECT_EQ(covered, kModes);
  EXPECT_GT(close, 4000 / 2) << "most samples should lie near some mode";
}

}  // namespace
}  // namespace aekit::models
