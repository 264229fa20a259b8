// The classifier's training step (models/classifier/classifier_step.hpp) against finite
// differences of the loss it reports: the softmax head alone (alpha = 0), the hybrid
// objective with R = X (every row labelled) and with rows drawn from an unlabelled pool, for
// bce and mse, in the double-precision build. The context's noise stream is reseeded for
// every evaluation, so each one draws the same pool rows.
#include <gtest/gtest.h>

#include "aekit/models/classifier/classifier_step.hpp"
#include "support/gradient_check.hpp"
#include "support/step_contexts.hpp"

namespace aekit::models {
namespace {

struct ClassifierGradientCase {
  const char* name;
  double alpha;
  LossKind loss;
  Index pool_rows;  // 0: R = X
  Activation hidden, code;
};
void PrintTo(const ClassifierGradientCase& c, std::ostream* os) { *os << c.name; }

class ClassifierStepGradient : public ::testing::TestWithParam<ClassifierGradientCase> {};

Matrix rows_in_unit_interval(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  Matrix x(rows, cols);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = Scalar(0.05 + 0.9 * rng.uniform());
  return x;
}

TEST_P(ClassifierStepGradient, MatchesFiniteDifferencesOfItsLoss) {
  const ClassifierGradientCase c = GetParam();
  AutoencoderConfig config;
  config.dims = {7, 5, 3};
  config.hidden = c.hidden;
  config.code = c.code;
  EncoderClassifier model(config, 4, c.alpha > 0);
  Rng init(3);
  model.initialize(init);
  optim::OptimizerConfig adam;
  ClassifierStep step(model, adam, 0.01, {c.alpha, c.loss, rows_in_unit_interval(c.pool_rows, 7, 5)});
  const Matrix x = rows_in_unit_interval(6, 7, 4);
  const std::vector<int> labels = {0, 3, 1, 1, 2, 0};
  std::vector<double> losses(step.loss_names().size());
  const auto loss = [&] {
    test::GradientsOnlyContext context(11);
    step.step({x, labels}, context, losses);
    return losses[0];
  };
  loss();
  for (auto& group : step.groups()) {
    const std::vector<double> analytic(group.grads.begin(), group.grads.end());
    const auto result = test::check_gradient(std::string(c.name) + "/" + group.name, group.values, loss, analytic,
                                             {.step = 1e-6, .rtol = 1e-5, .atol = 1e-9});
    EXPECT_TRUE(result.ok) << result.report;
  }
  if (c.alpha > 0) EXPECT_NEAR(losses[0], losses[1] + c.alpha * losses[2], 1e-12);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClassifierStepGradient,
    ::testing::Values(
        ClassifierGradientCase{"supervised", 0, LossKind::bce, 0, Activation::sigmoid, Activation::sigmoid},
        ClassifierGradientCase{"supervised_tanh", 0, LossKind::mse, 0, Activation::tanh, Activation::identity},
        ClassifierGradientCase{"hybrid_bce", 0.7, LossKind::bce, 0, Activation::sigmoid, Activation::sigmoid},
        ClassifierGradientCase{"hybrid_mse_pool", 1.5, LossKind::mse, 9, Activation::tanh, Activation::identity},
        ClassifierGradientCase{"hybrid_bce_pool", 0.3, LossKind::bce, 9, Activation::sigmoid, Activation::sigmoid}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
