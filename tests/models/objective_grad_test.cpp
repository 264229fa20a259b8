// Finite-difference check of a whole autoencoder training step: every parameter's gradient
// of the objective, for each loss, tied and untied (double precision build).
#include <gtest/gtest.h>

#include "aekit/models/objective.hpp"
#include "support/gradient_check.hpp"

namespace aekit::models {
namespace {

struct Case {
  const char* name;
  LossKind loss;
  Activation output;
  bool tied;
};

class AutoencoderStep : public ::testing::TestWithParam<Case> {};

TEST_P(AutoencoderStep, ObjectiveGradientMatchesFiniteDifferences) {
  const Case c = GetParam();
  AutoencoderConfig config;
  config.dims = {6, 5, 3};
  config.hidden = Activation::tanh;
  config.code = Activation::sigmoid;
  config.output = c.output;
  config.tied = c.tied;
  Autoencoder model(config);
  Rng rng(5);
  model.initialize(rng);
  for (auto& v : model.parameters().values()) v = rng.uniform(-0.8, 0.8);
  Matrix x(4, 6);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(0, 1);

  Objective objective(c.loss, c.output);
  objective.compute_gradients(model, x);
  const Vector analytic = Eigen::Map<const Vector>(model.parameters().grads().data(),
                                                   model.parameters().size());
  const auto f = [&] { return objective.compute_gradients(model, x); };
  const auto check = test::check_gradient(c.name, model.parameters().values(), f,
                                          {analytic.data(), std::size_t(analytic.size())});
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(
    All, AutoencoderStep,
    ::testing::Values(Case{"mse_sigmoid", LossKind::mse, Activation::sigmoid, false},
                      Case{"mse_identity_tied", LossKind::mse, Activation::identity, true},
                      Case{"bce_sigmoid", LossKind::bce, Activation::sigmoid, false},
                      Case{"bce_sigmoid_tied", LossKind::bce, Activation::sigmoid, true}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
