// PSD's training step (models/sparse/psd_step.hpp): three groups over D, W and b, atoms kept in
// the unit ball after every step, and validation metrics that are PSD's loss and the MSE of
// the fast reconstruction.
#include "aekit/models/sparse/psd_step.hpp"

#include <gtest/gtest.h>

#include "aekit/loss/mse.hpp"
#include "aekit/train/trainer.hpp"
#include "support/random_data.hpp"

namespace aekit::models {
namespace {

TEST(PsdStep, ThreeGroupsAtomsInTheBallAndItsMetrics) {
  const Matrix x = test::manifold_data(80, 10, 3).cast<Scalar>();
  PsdConfig config;
  config.atoms = 6;
  config.lr = 0.05;
  optim::OptimizerConfig sgd;
  sgd.kind = "sgd";
  PsdStep step(psd_initial_parameters(x, config), config, sgd);
  const auto groups = step.groups();
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].name, "dictionary");
  EXPECT_EQ(groups[1].name, "weight");
  EXPECT_EQ(groups[2].name, "bias");
  EXPECT_EQ(groups[0].values.size(), 60u);
  EXPECT_EQ(groups[2].values.size(), 6u);

  train::LoopSettings settings;
  settings.epochs = 4;
  settings.batch = 16;
  settings.patience = 0;
  const auto losses = train::train_all_rows(step, x, settings);
  EXPECT_LT(losses.back(), losses.front());
  EXPECT_LE(step.parameters().dictionary.rowwise().norm().maxCoeff(), 1 + 1e-5);

  double metrics[2];
  step.validate({x, {}}, metrics);
  const PsdParameters& p = step.parameters();
  const Matrix codes = psd_infer_codes(x, psd_predict(x, p), p, config.lambda, config.gamma, config.lasso);
  EXPECT_DOUBLE_EQ(metrics[0], psd_loss(x, codes, p, config.lambda, config.gamma));
  EXPECT_NEAR(metrics[1], loss::mse(step.model().reconstruct(x), x), 1e-6);
}

}  // namespace
}  // namespace aekit::models
