// The GAN's training step (models/gan/gan_step.hpp) against finite differences: the
// discriminator's gradient of L_D for fixed real rows and noise, and the generator's gradient
// of L_G taken through D into G, for an mlp and a small conv GAN, both generator losses, and a
// small DCGAN (batch norm with the batch's statistics, leaky ReLU of slope 0.2), and conditional
// GANs (one-hot labels into both networks: values after flat rows, planes after images), and an
// InfoGAN's generator step: L_G + lambda L_I through D's trunk and Q into G and Q.
#include <gtest/gtest.h>

#include "aekit/models/gan/gan_step.hpp"
#include "support/gradient_check.hpp"

namespace aekit::models {
namespace {

struct GanGradientCase {
  const char* name;
  GeneratorLoss loss;
  enum class Net { mlp, conv, dcgan } net;
  Index classes = 0;
};
void PrintTo(const GanGradientCase& c, std::ostream* os) { *os << c.name; }

GanConfig gradient_case_config(GanGradientCase::Net net, Index classes) {
  GanConfig c;
  c.latent = 3;
  c.classes = classes;
  if (net == GanGradientCase::Net::conv) {  // [1, 4, 4] images: dense + reshape + deconv up, conv + dense down
    c.data_shape = {1, 4, 4};
    c.generator_layers = {"dense 8 tanh", "reshape 2x2x2", "deconv 1 2 stride=2 sigmoid"};
    c.discriminator_layers = {"conv 2 3x3 stride=2 pad=1 leaky_relu", "dense 1"};
  } else if (net == GanGradientCase::Net::dcgan) {
    c.data_shape = {1, 4, 4};
    c.generator_layers = {"dense 8", "reshape 2x2x2", "batchnorm", "relu", "deconv 1 2 stride=2 tanh"};
    c.discriminator_layers = {"conv 2 3x3 stride=2 pad=1 leaky_relu_0.2", "batchnorm", "leaky_relu_0.2", "dense 1"};
    // Biases away from 0: with zero biases, G's ReLU zeros give fakes of exact zeros, and D's
    // conv sums of them sit exactly on leaky ReLU's kink, where no derivative exists.
    c.init = nn::Init::parse("torch");
  } else {
    c.data_shape = {1, 1, 6};
    c.generator_layers = {"dense 5 relu", "dense 6 sigmoid"};
    c.discriminator_layers = {"dense 4 tanh", "dense 1"};
  }
  return c;
}

class GanStepGradient : public ::testing::TestWithParam<GanGradientCase> {};

TEST_P(GanStepGradient, BothNetworksMatchFiniteDifferences) {
  const GanGradientCase c = GetParam();
  Gan model(gradient_case_config(c.net, c.classes));
  Rng init(5);
  model.initialize(init);
  model.set_training(&init);  // batch norm: the batch's statistics
  GanStep step(model, optim::OptimizerConfig{}, 0.01, {c.loss, 1, 0});
  Rng data(6);
  Matrix x(5, model.input_size()), z(7, model.latent_size());
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = data.uniform(0.05, 0.95);
  for (Index i = 0; i < z.size(); ++i) z.data()[i] = data.normal();
  std::vector<std::int32_t> real_labels, fake_labels;
  if (c.classes > 0) {
    for (Index i = 0; i < x.rows(); ++i) real_labels.push_back(std::int32_t(data.below(std::uint64_t(c.classes))));
    for (Index i = 0; i < z.rows(); ++i) fake_labels.push_back(std::int32_t(data.below(std::uint64_t(c.classes))));
  }
  std::vector<double> losses(6);
  auto& generator = step.groups()[0];
  auto& discriminator = step.groups()[1];

  const auto d_loss = [&] {
    step.discriminator_gradients(x, z, losses, real_labels, fake_labels);
    return losses[0];
  };
  d_loss();
  const std::vector<double> d_analytic(discriminator.grads.begin(), discriminator.grads.end());
  auto r = test::check_gradient("discriminator", discriminator.values, d_loss, d_analytic,
                                {.step = 1e-6, .rtol = 1e-5, .atol = 1e-9});
  EXPECT_TRUE(r.ok) << r.report;

  const auto g_loss = [&] { return step.generator_gradients(z, fake_labels); };
  g_loss();
  const std::vector<double> g_analytic(generator.grads.begin(), generator.grads.end());
  r = test::check_gradient("generator", generator.values, g_loss, g_analytic, {.step = 1e-6, .rtol = 1e-5, .atol = 1e-9});
  EXPECT_TRUE(r.ok) << r.report;
  // The D step reports L_G on its own fakes: the same noise, the same value.
  step.discriminator_gradients(x, z, losses, real_labels, fake_labels);
  EXPECT_NEAR(losses[1], step.generator_gradients(z, fake_labels), 1e-12);
}

INSTANTIATE_TEST_SUITE_P(Cases, GanStepGradient,
                         ::testing::Values(GanGradientCase{"mlp_non_saturating", GeneratorLoss::non_saturating,
                                                           GanGradientCase::Net::mlp},
                                           GanGradientCase{"mlp_minimax", GeneratorLoss::minimax, GanGradientCase::Net::mlp},
                                           GanGradientCase{"conv_non_saturating", GeneratorLoss::non_saturating,
                                                           GanGradientCase::Net::conv},
                                           GanGradientCase{"dcgan_minimax", GeneratorLoss::minimax,
                                                           GanGradientCase::Net::dcgan},
                                           GanGradientCase{"conditional_mlp", GeneratorLoss::non_saturating,
                                                           GanGradientCase::Net::mlp, 3},
                                           GanGradientCase{"conditional_conv", GeneratorLoss::minimax,
                                                           GanGradientCase::Net::conv, 2}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(InfoGanStep, GeneratorAndQMatchFiniteDifferencesOfTheirWholeLoss) {
  GanConfig c = gradient_case_config(GanGradientCase::Net::conv, 0);
  c.categorical = 3;
  c.continuous = 2;
  Gan model(c);
  Rng init(5);
  model.initialize(init);
  const double lambda = 0.7;
  GanStep step(model, optim::OptimizerConfig{}, 0.01, {GeneratorLoss::non_saturating, 1, 0, lambda});
  Matrix z(6, model.latent_size());
  model.draw_codes(init, z);
  auto& generator = step.groups()[0];  // G's and Q's values
  EXPECT_EQ(Index(generator.values.size()), model.generator_parameter_count());
  const auto loss = [&] {
    const double g = step.generator_gradients(z);
    return g + lambda * step.last_info_loss();
  };
  loss();
  EXPECT_GT(step.last_info_loss(), 0);
  const std::vector<double> analytic(generator.grads.begin(), generator.grads.end());
  const auto r = test::check_gradient("generator and q", generator.values, loss, analytic,
                                      {.step = 1e-6, .rtol = 1e-5, .atol = 1e-9});
  EXPECT_TRUE(r.ok) << r.report;
  // The discriminator step reports L_I on its fakes: the same codes, the same value.
  loss();  // at the unperturbed point again
  Matrix x = Matrix::Constant(4, model.input_size(), 0.5);
  std::vector<double> losses(7);
  step.discriminator_gradients(x, z, losses);
  EXPECT_NEAR(losses[6], step.last_info_loss(), 1e-12);
}

}  // namespace
}  // namespace aekit::models
