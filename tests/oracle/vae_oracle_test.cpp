// Cross-check of the VAE step against PyTorch (tests/oracle/vae_oracle.py), with fixed and
// learned decoder variance, a conditional VAE and a conv VAE (layer lists): for the same
// parameters, inputs and reparameterization noise eps, VaeStep::evaluate's reconstruction and KL
// terms, every parameter's gradient of reconstruction + beta * KL, and the parameters after 10
// Adam steps on the same batch. (The step's own draw of eps and of the binarization is checked
// by the finite-difference test with the noise replayed, vae_step_grad_test.) If
// /usr/bin/python3 or torch is missing the test FAILS (it never skips).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "aekit/models/vae/vae_step.hpp"
#include "oracle/oracle_support.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

struct VaeOracleCase {
  const char* name;
  std::vector<Index> dims;
  Activation hidden;
  VaeLikelihood likelihood;
  double variance, beta;
  bool learn_variance = false;
  Index classes = 0;
  Shape input_shape{};  // a conv case's; its dims are {C H W, L}
  std::vector<std::string> encoder_layers{}, decoder_layers{};
};
void PrintTo(const VaeOracleCase& c, std::ostream* os) { *os << c.name; }

class VaeOracle : public ::testing::TestWithParam<VaeOracleCase> {};

TEST_P(VaeOracle, PartsGradientsAndAdamStepsMatchPyTorch) {
  const auto& run = test::oracle_output("vae_oracle.py");
  ASSERT_TRUE(run.ok) << test::oracle_failure(run);
  const VaeOracleCase c = GetParam();
  const std::filesystem::path dir = run.folder / c.name;
  VaeConfig config;
  config.dims = c.dims;
  config.hidden = c.hidden;
  config.likelihood = c.likelihood;
  config.variance = c.variance;
  config.learn_variance = c.learn_variance;
  config.classes = c.classes;
  config.input_shape = c.input_shape;
  config.encoder_layers = c.encoder_layers;
  config.decoder_layers = c.decoder_layers;
  Vae model(config);
  nn::Parameters& params = model.parameters();
  ASSERT_TRUE(test::load_parameters(params, dir / "initial"));
  const Matrix x = test::load_npy(dir / "x.npy").cast<Scalar>(), eps = test::load_npy(dir / "eps.npy").cast<Scalar>();
  const FloatMatrix stored_labels = test::load_npy(dir / "labels.npy");
  std::vector<std::int32_t> labels;
  if (c.classes > 0)
    for (Index i = 0; i < stored_labels.size(); ++i) labels.push_back(std::int32_t(stored_labels.data()[i]));

  VaeStep step(model, optim::OptimizerConfig{}, 1e-2, {c.beta, 0});
  test::expect_step_matches_oracle(c.name, dir, params, step.groups()[0], [&] {
    const auto parts = step.evaluate(x, labels, eps, c.beta);
    return std::array<Scalar, 3>{Scalar(parts.reconstruction), Scalar(parts.kl),
                                 Scalar(parts.reconstruction + c.beta * parts.kl)};
  });
}

INSTANTIATE_TEST_SUITE_P(
    Cases, VaeOracle,
    ::testing::Values(
        VaeOracleCase{"bernoulli_tanh", {12, 8, 3}, Activation::tanh, VaeLikelihood::bernoulli, 1.0, 1.0},
        VaeOracleCase{"gaussian_relu_beta2", {12, 9, 6, 4}, Activation::relu, VaeLikelihood::gaussian, 0.5, 2.0},
        VaeOracleCase{"gaussian_learned_variance", {12, 8, 3}, Activation::tanh, VaeLikelihood::gaussian, 1.0, 1.0, true},
        VaeOracleCase{"conditional_bernoulli", {12, 8, 3}, Activation::tanh, VaeLikelihood::bernoulli, 1.0, 1.0, false, 4},
        VaeOracleCase{"conv_bernoulli", {72, 3}, Activation::tanh, VaeLikelihood::bernoulli, 1.0, 1.0, false, 0, {2, 6, 6},
                      {"conv 4 3x3 stride=2 pad=1 relu", "dense 10 tanh"},
                      {"dense 36 relu", "reshape 4x3x3", "deconv 2 3x3 stride=2 pad=1 outpad=1"}}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
