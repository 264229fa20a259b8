// The RBM's training step (models/rbm/rbm_step.hpp) on the loop: it learns, its validation
// metrics are what they say, a sparsity target lowers the hidden activations, and the
// persistent chains and the running activation are its extra state.
#include "aekit/models/rbm/rbm_step.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "aekit/error.hpp"
#include "aekit/train/trainer.hpp"
#include "support/random_data.hpp"
#include "support/rbm_exact.hpp"

namespace aekit::models {
namespace {

struct Trained {
  RbmStep step;
  std::vector<double> losses;
};

Trained train_rbm(const Matrix& x, RbmTraining training, int epochs = 6, Index hidden = 12) {
  Rbm rbm({x.cols(), hidden});
  Rng init(1);
  rbm.initialize(init);
  optim::OptimizerConfig sgd;
  sgd.kind = "sgd";
  sgd.momentum = 0.5;
  training.batch = 20;
  RbmStep step(std::move(rbm), training, sgd, 0.1, x.topRows(30));
  train::LoopSettings settings;
  settings.epochs = epochs;
  settings.batch = 20;
  settings.patience = 0;
  auto losses = train::train_all_rows(step, x, settings);
  return {std::move(step), std::move(losses)};
}

// Binary rows with structure an RBM can learn: one of 4 fixed random prototypes per row,
// each bit flipped with probability 0.05.
Matrix binary_rows(Index rows, Index cols, std::uint64_t seed) {
  Rng prototypes(99), draw(seed);
  Matrix p(4, cols), x(rows, cols);
  for (Index i = 0; i < p.size(); ++i) p.data()[i] = Scalar(prototypes.uniform() < 0.5);
  for (Index r = 0; r < rows; ++r) {
    x.row(r) = p.row(Index(draw.below(4)));
    for (Index i = 0; i < cols; ++i)
      if (draw.uniform() < 0.05) x(r, i) = 1 - x(r, i);
  }
  return x;
}

double mean_hidden_activation(const RbmStep& step, const Matrix& x) {
  Matrix h(x.rows(), step.rbm().hidden());
  step.rbm().hidden_means(x, h);
  return double(h.mean());
}

// On 6 visible units the exact log-likelihood is known (tests/support/rbm_exact.hpp): CD-1
// training must raise it.
TEST(RbmStep, RaisesTheExactLogLikelihood) {
  const Matrix x = binary_rows(200, 6, 5);
  Rbm start({6, 4});
  Rng init(1);
  start.initialize(init);
  const double before = test::exact_mean_log_likelihood(start, x.cast<double>());
  auto [step, losses] = train_rbm(x, {}, 10, 4);
  const double after = test::exact_mean_log_likelihood(step.rbm(), x.cast<double>());
  std::printf("exact mean log-likelihood: %.4f before, %.4f after 10 epochs of CD-1\n", before, after);
  EXPECT_GT(after, before + 0.5);
}

TEST(RbmStep, LearnsAndItsMetricsAreWhatTheySay) {
  const Matrix x = binary_rows(200, 16, 1);
  auto [step, losses] = train_rbm(x, {}, 30);
  ASSERT_EQ(step.groups().size(), 3u);
  EXPECT_EQ(step.groups()[0].name, "weight");
  EXPECT_EQ(step.groups()[1].values.size(), 16u);
  EXPECT_EQ(step.groups()[2].values.size(), 12u);
  EXPECT_LT(losses.back(), 0.8 * losses.front()) << "the reconstruction error did not fall";

  const Matrix val = binary_rows(40, 16, 2);
  ASSERT_EQ(step.metric_names(), (std::vector<std::string>{"reconstruction", "free_energy", "free_energy_gap",
                                                           "pseudo_log_likelihood"}));
  double metrics[4];
  step.validate({val, {}}, metrics);
  const Rbm& rbm = step.rbm();
  Matrix h(40, 12), v(40, 16), scratch(40, 12), reference_scratch(30, 12);
  rbm.hidden_means(val, h);
  rbm.visible_means(h, v);
  EXPECT_NEAR(metrics[0], double((v - val).squaredNorm()) / (40 * 16), 1e-7);
  std::vector<double> free(40), reference(30);
  rbm.free_energy(val, scratch, free);
  rbm.free_energy(x.topRows(30), reference_scratch, reference);
  const auto mean = [](const std::vector<double>& a) { return std::accumulate(a.begin(), a.end(), 0.0) / double(a.size()); };
  EXPECT_NEAR(metrics[1], mean(free), 1e-9);
  EXPECT_NEAR(metrics[2], mean(free) - mean(reference), 1e-9);
  // Pseudo-log-likelihood: D log sigmoid(F(v~) - F(v)) per row, one unit flipped, so between
  // -D * (the largest free-energy step) and 0.
  EXPECT_LT(metrics[3], 0);
  EXPECT_TRUE(std::isfinite(metrics[3]));
  double again[4];
  step.validate({val, {}}, again);
  EXPECT_EQ(again[3], metrics[3]) << "the flipped units must be the same every validation";
}

TEST(RbmStep, ASparsityTargetLowersTheHiddenActivations) {
  const Matrix x = test::manifold_data(200, 16, 3).cast<Scalar>();
  RbmTraining sparse;
  sparse.sparsity_target = 0.05;
  sparse.sparsity_cost = 1;
  const double free_mean = mean_hidden_activation(train_rbm(x, {}).step, x);
  const double sparse_mean = mean_hidden_activation(train_rbm(x, sparse).step, x);
  EXPECT_LT(sparse_mean, 0.5 * free_mean);
  EXPECT_LT(sparse_mean, 0.15);
}

TEST(RbmStep, PersistentChainsAndTheRunningActivationAreExtraState) {
  const Matrix x = test::manifold_data(100, 16, 4).cast<Scalar>();
  RbmTraining pcd;
  pcd.persistent = true;
  pcd.cd_steps = 2;
  pcd.sparsity_target = 0.1;
  auto [step, losses] = train_rbm(x, pcd, 2);
  const Vector state = step.extra_state();
  ASSERT_EQ(state.size(), 20 * 12 + 12);
  EXPECT_GT(state.head(20 * 12).cwiseAbs().sum(), 0) << "the chains never moved";
  for (Index i = 0; i < 20 * 12; ++i) EXPECT_TRUE(state(i) == 0 || state(i) == 1);
  Vector changed = state;
  changed(0) = 1 - changed(0);
  step.set_extra_state({changed.data(), std::size_t(changed.size())});
  EXPECT_EQ(step.extra_state(), changed);
  EXPECT_THROW(step.set_extra_state({changed.data(), 5}), Error);
  EXPECT_TRUE(std::isfinite(losses.back()));
}

TEST(RbmTraining, RefusesImpossibleSettings) {
  const auto refused = [](auto change) {
    RbmTraining t;
    change(t);
    EXPECT_THROW(t.validate(), UsageError);
  };
  refused([](RbmTraining& t) { t.cd_steps = 0; });
  refused([](RbmTraining& t) { t.sparsity_target = 1; });
  refused([](RbmTraining& t) { t.sparsity_target = -0.1; });
  refused([](RbmTraining& t) { t.sparsity_cost = -1; });
  refused([](RbmTraining& t) { t.batch = 0; });
}

}  // namespace
}  // namespace aekit::models
