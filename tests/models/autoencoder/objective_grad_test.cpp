// Finite-difference check of a whole autoencoder training step: every parameter's gradient
// of the objective, for each loss, tied and untied, and with every regularizer: input
// corruption, code noise (each evaluation replays the same noise stream), L1 and KL
// sparsity, and the contractive penalty on one- and two-layer encoders (double precision
// build).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aekit/models/autoencoder/objective.hpp"
#include "support/gradient_check.hpp"

namespace aekit::models {
namespace {

struct ObjectiveCase {
  const char* name;
  LossKind loss;
  Activation output;
  bool tied;
  const char* regularizer = "none";  // "noise SPEC" | "l1:L" | "kl:R:B" | "contractive L" | "code_noise S"
  std::vector<Index> dims = {6, 5, 3};
  Activation code = Activation::sigmoid;
};

// The Regularization (and code noise) a case names.
Regularization regularization_of(const ObjectiveCase& c, AutoencoderConfig& config) {
  Regularization r;
  const std::string spec = c.regularizer;
  if (spec.starts_with("noise ")) r.corruption = Corruption::parse(spec.substr(6));
  else if (spec.starts_with("l1:") || spec.starts_with("kl:")) r.sparsity = SparsityPenalty::parse(spec);
  else if (spec.starts_with("contractive ")) r.contractive = ContractivePenalty::parse(spec.substr(12));
  else if (spec.starts_with("code_noise ")) config.code_noise = std::stod(spec.substr(11));
  return r;
}

class AutoencoderStep : public ::testing::TestWithParam<ObjectiveCase> {};

TEST_P(AutoencoderStep, ObjectiveGradientMatchesFiniteDifferences) {
  const ObjectiveCase c = GetParam();
  AutoencoderConfig config;
  config.dims = c.dims;
  config.hidden = Activation::tanh;
  config.code = c.code;
  config.output = c.output;
  config.tied = c.tied;
  const Regularization regularization = regularization_of(c, config);
  Autoencoder model(config);
  Rng rng(5);
  model.initialize(rng);
  for (auto& v : model.parameters().values()) v = rng.uniform(-0.8, 0.8);
  Matrix x(4, 6);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(0, 1);

  Objective objective(c.loss, c.output, regularization);
  const Rng noise(11);  // every evaluation replays the same corruption and code noise
  const auto f = [&] {
    Rng replay = noise;
    return objective.compute_gradients(model, x, &replay);
  };
  const double with_penalty = f();
  const Vector analytic = Eigen::Map<const Vector>(model.parameters().grads().data(),
                                                   model.parameters().size());
  const std::string spec = c.regularizer;
  if (spec.starts_with("code_noise")) {
    Rng replay = noise;
    const Matrix noisy_logits = model.forward_logits(x, &replay);
    EXPECT_NE(noisy_logits, Matrix(model.forward_logits(x))) << "code noise is on while training";
  } else if (spec != "none" && !spec.starts_with("noise")) {
    Objective plain(c.loss, c.output);
    EXPECT_NE(plain.compute_gradients(model, x), with_penalty)
        << "the penalty must change the objective";
  }
  const auto check = test::check_gradient(c.name, model.parameters().values(), f,
                                          {analytic.data(), std::size_t(analytic.size())});
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(
    All, AutoencoderStep,
    ::testing::Values(ObjectiveCase{"mse_sigmoid", LossKind::mse, Activation::sigmoid, false},
                      ObjectiveCase{"mse_identity_tied", LossKind::mse, Activation::identity, true},
                      ObjectiveCase{"bce_sigmoid", LossKind::bce, Activation::sigmoid, false},
                      ObjectiveCase{"bce_sigmoid_tied", LossKind::bce, Activation::sigmoid, true},
                      ObjectiveCase{"gaussian_noise", LossKind::mse, Activation::sigmoid, false, "noise gaussian:0.3"},
                      ObjectiveCase{"mask_noise_bce", LossKind::bce, Activation::sigmoid, false, "noise mask:0.4"},
                      ObjectiveCase{"saltpepper_tied", LossKind::mse, Activation::sigmoid, true, "noise saltpepper:0.3"},
                      ObjectiveCase{"uniform_noise_clipped", LossKind::mse, Activation::sigmoid, false, "noise uniform:0.2:clip"},
                      ObjectiveCase{"code_noise", LossKind::bce, Activation::sigmoid, false, "code_noise 0.5"},
                      ObjectiveCase{"l1_sigmoid_code", LossKind::mse, Activation::sigmoid, false, "l1:0.3"},
                      ObjectiveCase{"l1_tanh_code", LossKind::mse, Activation::sigmoid, false, "l1:0.3", {6, 5, 3}, Activation::tanh},
                      ObjectiveCase{"kl", LossKind::bce, Activation::sigmoid, false, "kl:0.1:2"},
                      ObjectiveCase{"contractive_one_layer", LossKind::mse, Activation::sigmoid, false, "contractive 0.5", {6, 4}},
                      ObjectiveCase{"contractive_tanh_tied", LossKind::mse, Activation::sigmoid, true, "contractive 0.5", {6, 4}, Activation::tanh},
                      ObjectiveCase{"contractive_softplus", LossKind::mse, Activation::sigmoid, false, "contractive 0.5", {6, 4}, Activation::softplus},
                      ObjectiveCase{"contractive_two_layers", LossKind::bce, Activation::sigmoid, false, "contractive 0.5", {6, 5, 3}}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
