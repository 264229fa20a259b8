// The VAE's training step (models/vae/vae_step.hpp) against finite differences of the loss it
// reports, with the noise replayed (the context's stream reseeded for every evaluation, so each
// one draws the same eps and the same binarization): bernoulli and gaussian decoders, beta and
// KL warm-up, binarized inputs, a learned decoder variance, a conditional VAE, a conv VAE (conv,
// dense, reshape, deconv layers from the layer grammar).
#include <gtest/gtest.h>

#include "aekit/models/vae/vae_step.hpp"
#include "support/gradient_check.hpp"
#include "support/step_contexts.hpp"

namespace aekit::models {
namespace {

struct VaeGradientCase {
  const char* name;
  VaeLikelihood likelihood;
  bool binarize;
  double beta;
  std::int64_t kl_warmup;
  bool learn_variance = false;
  Index classes = 0;
  bool conv = false;
};

// An mlp 7-5-3 VAE, or a conv one on [2, 3, 3] rows: conv to [3, 2, 2], a latent of 3, then
// dense, reshape and a deconv back to [2, 3, 3] ([4, 3, 3] with a learned variance).
VaeConfig gradient_case_config(const VaeGradientCase& c) {
  VaeConfig config;
  config.dims = {7, 5, 3};
  if (c.conv) {
    config.input_shape = {2, 3, 3};
    config.dims = {18, 3};
    config.encoder_layers = {"conv 3 2 tanh"};
    config.decoder_layers = {"dense 12 tanh", "reshape 3x2x2", c.learn_variance ? "deconv 4 2" : "deconv 2 2"};
  }
  config.likelihood = c.likelihood;
  config.variance = 0.5;
  config.binarize = c.binarize;
  config.learn_variance = c.learn_variance;
  config.classes = c.classes;
  return config;
}
void PrintTo(const VaeGradientCase& c, std::ostream* os) { *os << c.name; }

class VaeStepGradient : public ::testing::TestWithParam<VaeGradientCase> {};

TEST_P(VaeStepGradient, MatchesFiniteDifferencesOfItsLoss) {
  const VaeGradientCase c = GetParam();
  Vae model(gradient_case_config(c));
  Rng init(3);
  model.initialize(init);
  VaeStep step(model, optim::OptimizerConfig{}, 0.01, {c.beta, c.kl_warmup});
  Rng data(4);
  Matrix x(6, model.input_size());
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = data.uniform(0.05, 0.95);
  std::vector<std::int32_t> labels;
  for (Index n = 0; n < x.rows() && c.classes > 0; ++n) labels.push_back(std::int32_t(n % c.classes));
  std::vector<double> losses(3);
  const auto loss = [&] {
    test::GradientsOnlyContext context(11);
    step.step({x, labels}, context, losses);
    return losses[0];
  };
  loss();
  const auto& group = step.groups()[0];
  const std::vector<double> analytic(group.grads.begin(), group.grads.end());
  const auto result = test::check_gradient(c.name, group.values, loss, analytic, {.step = 1e-6, .rtol = 1e-5, .atol = 1e-9});
  EXPECT_TRUE(result.ok) << result.report;
  EXPECT_NEAR(losses[0], losses[1] + step.kl_weight(0) * losses[2], 1e-12);
  EXPECT_GT(losses[2], 0);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, VaeStepGradient,
    ::testing::Values(VaeGradientCase{"bernoulli", VaeLikelihood::bernoulli, false, 1, 0},
                      VaeGradientCase{"bernoulli_binarized_beta4", VaeLikelihood::bernoulli, true, 4, 0},
                      VaeGradientCase{"gaussian_warmup", VaeLikelihood::gaussian, false, 1, 10},
                      VaeGradientCase{"gaussian_learned_variance", VaeLikelihood::gaussian, false, 1, 0, true},
                      VaeGradientCase{"conditional_binarized", VaeLikelihood::bernoulli, true, 1, 0, false, 3},
                      VaeGradientCase{"conv_binarized", VaeLikelihood::bernoulli, true, 1, 0, false, 0, true},
                      VaeGradientCase{"conv_learned_variance", VaeLikelihood::gaussian, false, 1, 0, true, 0, true}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(VaeStep, KlWeightRisesLinearlyOverTheWarmUp) {
  VaeConfig config;
  config.dims = {4, 3, 2};
  Vae model(config);
  VaeStep step(model, optim::OptimizerConfig{}, 0.01, {2.0, 4});
  EXPECT_DOUBLE_EQ(step.kl_weight(0), 0.5);
  EXPECT_DOUBLE_EQ(step.kl_weight(1), 1.0);
  EXPECT_DOUBLE_EQ(step.kl_weight(3), 2.0);
  EXPECT_DOUBLE_EQ(step.kl_weight(100), 2.0);
}

}  // namespace
}  // namespace aekit::models
