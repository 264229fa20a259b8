// Finite-difference check of a whole convolutional autoencoder training step: every
// parameter's gradient of the objective, through conv, max and average pooling, batchnorm
// (training mode), dropout and code noise (each evaluation replays the same noise stream),
// a dense code, reshape, bilinear and nearest upsampling and a transposed conv, with input
// corruption and sparsity (double precision build).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aekit/models/autoencoder/objective.hpp"
#include "support/gradient_check.hpp"

namespace aekit::models {
namespace {

struct Case {
  const char* name;
  std::vector<std::string> encoder, decoder;
  LossKind loss = LossKind::mse;
  const char* sparsity = "none";
  const char* noise = "none";
  double code_noise = 0;
};

class ConvAutoencoderStep : public ::testing::TestWithParam<Case> {};

TEST_P(ConvAutoencoderStep, ObjectiveGradientMatchesFiniteDifferences) {
  const Case c = GetParam();
  AutoencoderConfig config;
  config.architecture = Architecture::conv;
  config.input_shape = {2, 6, 6};
  config.encoder_layers = c.encoder;
  config.decoder_layers = c.decoder;
  config.code_noise = c.code_noise;
  Autoencoder model(config);
  Rng rng(5);
  model.initialize(rng);
  for (auto& v : model.parameters().values()) v = rng.uniform(-0.8, 0.8);
  Matrix x(3, config.input_shape.size());
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(0, 1);

  Regularization regularization;
  regularization.sparsity = SparsityPenalty::parse(c.sparsity);
  regularization.corruption = Corruption::parse(c.noise);
  Objective objective(c.loss, config.output, regularization);
  const Rng noise(11);
  const Vector buffers = model.buffer_values();
  const auto f = [&] {
    Rng replay = noise;  // the same corruption, dropout masks and code noise every time
    model.set_buffer_values({buffers.data(), std::size_t(buffers.size())});
    return objective.compute_gradients(model, x, &replay);
  };
  f();
  const Vector analytic = Eigen::Map<const Vector>(model.parameters().grads().data(),
                                                   model.parameters().size());
  const auto check = test::check_gradient(c.name, model.parameters().values(), f,
                                          {analytic.data(), std::size_t(analytic.size())});
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(
    All, ConvAutoencoderStep,
    ::testing::Values(
        Case{"conv_maxpool_deconv",
             {"conv 3 3x3 pad=1 tanh", "maxpool 2", "conv 4 3x3 stride=2 pad=1 sigmoid"},
             {"deconv 3 3x3 stride=2 pad=1 tanh", "upsample 2", "conv 2 3x3 pad=1"}},
        Case{"batchnorm_avgpool_dense_code_bce",
             {"conv 3 3x3 pad=1", "batchnorm", "tanh", "avgpool 2", "flatten", "dense 4 sigmoid"},
             {"dense 12", "batchnorm", "softplus", "reshape 3x2x2", "upsample 3 bilinear",
              "deconv 2 3x3 pad=1"},
             LossKind::bce, "kl:0.2:0.5"},
        Case{"dropout_code_noise_gaussian_input_l1",
             {"conv 3 3x3 dilation=2 pad=2 tanh", "dropout 0.3", "dense 5 sigmoid"},
             {"dense 72 tanh", "reshape 2x6x6", "conv 2 3x3 pad=1"},
             LossKind::mse, "l1:0.1", "gaussian:0.2", 0.5}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
