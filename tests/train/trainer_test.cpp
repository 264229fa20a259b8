#include "aekit/train/trainer.hpp"

#include "aekit/app/family.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <cmath>
#include <vector>

#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"
#include "support/train_rig.hpp"

namespace aekit::train {
namespace {

using test::bit_identical;
using test::uniform_data;
using test::values_of;

// A small model, objective, optimizer and trainer, initialized from `init_seed`.
struct Rig : test::TrainRig {
  explicit Rig(TrainConfig c, std::uint64_t init_seed = 1) : TrainRig(std::move(c), Rng(init_seed)) {}
};

TrainConfig small_config() {
  TrainConfig c = TrainConfig::defaults();
  c.set("dims", "16,8,3");
  c.set("batch", "32");
  c.set("lr", "0.01");
  c.set("epochs", "3");
  c.set("patience", "0");
  return c;
}

const auto no_callback = [](const TrainerState&) {};

TEST(Trainer, TrainEpochReturnsTheRowWeightedMeanLoss) {
  // With lr 0 nothing moves, so the epoch's loss is the model's MSE on the whole set, even
  // though the last batch (150 = 4 * 32 + 22) is smaller than the others.
  TrainConfig c = small_config();
  c.lr = 0;
  Rig s(c);
  const Matrix x = uniform_data(150, 16, 2);
  const auto before = values_of(s.model);
  const double loss = s.trainer->train_epoch({x}, 1, nullptr)[0];
  EXPECT_TRUE(bit_identical(values_of(s.model), before));
  const double mse = models::evaluate_reconstruction(s.model, x).mse;
  EXPECT_NEAR(loss, mse, 1e-6 * mse);
}

TEST(Trainer, TrainingLowersTheLoss) {
  Rig s(small_config());
  // Rows on a 2-dimensional manifold (the code has 3 units): x = sigmoid(A z).
  Rng rng(3);
  Matrix a(16, 2), x(150, 16);
  for (Index i = 0; i < a.size(); ++i) a.data()[i] = Scalar(2 * rng.normal());
  for (Index r = 0; r < x.rows(); ++r) {
    const Eigen::Matrix<Scalar, 2, 1> z(Scalar(rng.normal()), Scalar(rng.normal()));
    x.row(r) = (a * z).transpose().unaryExpr([](Scalar v) { return Scalar(1) / (1 + std::exp(-v)); });
  }
  const double first = s.trainer->train_epoch({x}, 1, nullptr)[0];
  double last = first;
  for (int e = 2; e <= 60; ++e) last = s.trainer->train_epoch({x}, e, nullptr)[0];
  EXPECT_LT(last, 0.5 * first);
}

TEST(Trainer, ShufflingIsSeededPerEpoch) {
  const Matrix x = uniform_data(150, 16, 2), val(0, 16);
  const auto train_with_seed = [&](const char* seed) {
    TrainConfig c = small_config();
    c.set("seed", seed);
    Rig s(c, /*init_seed=*/1);  // same initial weights whatever the shuffling seed
    TrainerState state;
    s.trainer->fit({x}, {val}, state, nullptr, no_callback);
    EXPECT_EQ(state.epochs_done, 3);
    return values_of(s.model);
  };
  const auto a = train_with_seed("5"), b = train_with_seed("5"), c = train_with_seed("6");
  EXPECT_TRUE(bit_identical(a, b)) << "same seed, different weights";
  EXPECT_FALSE(bit_identical(a, c)) << "the seed does not change the batches";

  // Each epoch gets its own order: epoch 1 and epoch 2 from the same start differ.
  Rig s1(small_config()), s2(small_config());
  s1.trainer->train_epoch({x}, 1, nullptr)[0];
  s2.trainer->train_epoch({x}, 2, nullptr)[0];
  EXPECT_FALSE(bit_identical(values_of(s1.model), values_of(s2.model)));
}

TEST(Trainer, EarlyStoppingRestoresTheBestParameters) {
  // Training rows are all 0.1, validation rows all 0.9: every epoch moves the outputs
  // toward 0.1, so the validation loss only gets worse after the first epoch.
  TrainConfig c = small_config();
  c.set("epochs", "10");
  c.set("patience", "2");
  Rig s(c);
  const Matrix train = Matrix::Constant(100, 16, Scalar(0.1));
  const Matrix val = Matrix::Constant(20, 16, Scalar(0.9));
  TrainerState state;
  std::vector<std::vector<Scalar>> after_epoch;
  std::vector<double> val_losses;
  const std::string outcome = s.trainer->fit({train}, {val}, state, nullptr, [&](const TrainerState& st) {
    after_epoch.push_back(values_of(s.model));
    val_losses.push_back(st.history.back().value("val_loss"));
    EXPECT_EQ(st.epochs_done, int(after_epoch.size()));
  });
  ASSERT_EQ(after_epoch.size(), 3u) << outcome;  // epoch 1 best, then 2 epochs without gain
  EXPECT_EQ(outcome.rfind("early stop after epoch 3", 0), 0u) << outcome;
  EXPECT_GT(val_losses[1], val_losses[0]);
  EXPECT_GT(val_losses[2], val_losses[0]);
  EXPECT_EQ(state.epochs_done, 3);
  EXPECT_EQ(state.best_epoch, 1);
  EXPECT_EQ(state.epochs_without_gain, 2);
  EXPECT_DOUBLE_EQ(state.best_val_loss, val_losses[0]);
  ASSERT_EQ(state.history.size(), 3u);
  EXPECT_TRUE(bit_identical(values_of(s.model), after_epoch[0])) << "best parameters not restored";
  EXPECT_FALSE(bit_identical(after_epoch[2], after_epoch[0]));
  // The restored model scores the best validation loss.
  EXPECT_NEAR(models::evaluate_reconstruction(s.model, val).mse, val_losses[0], 1e-6);

  // Calling fit() again on the stopped state (what --resume does) trains nothing more.
  const auto before = values_of(s.model);
  const std::string again = s.trainer->fit({train}, {val}, state, nullptr, [&](const TrainerState&) {
    ADD_FAILURE() << "an early-stopped run trained another epoch";
  });
  EXPECT_EQ(again, outcome);
  EXPECT_EQ(state.epochs_done, 3);
  EXPECT_TRUE(bit_identical(values_of(s.model), before));
}

TEST(Trainer, PatienceZeroNeverStopsAndWithoutValidationTheLastEpochWins) {
  TrainConfig c = small_config();
  c.set("epochs", "4");
  Rig s(c);
  const Matrix train = Matrix::Constant(100, 16, Scalar(0.1));
  const Matrix val = Matrix::Constant(20, 16, Scalar(0.9));
  TrainerState state;
  EXPECT_EQ(s.trainer->fit({train}, {val}, state, nullptr, no_callback), "completed");
  EXPECT_EQ(state.epochs_done, 4);
  EXPECT_EQ(state.best_epoch, 1);  // still restores the best one

  Rig t(c);
  TrainerState no_val_state;
  std::vector<Scalar> last;
  EXPECT_EQ(t.trainer->fit({train}, {Matrix(0, 16)}, no_val_state, nullptr,
                           [&](const TrainerState&) { last = values_of(t.model); }),
            "completed");
  EXPECT_EQ(no_val_state.best_epoch, 4);
  EXPECT_TRUE(bit_identical(values_of(t.model), last));
  EXPECT_TRUE(std::isnan(no_val_state.history.back().value("val_loss")));
}

TEST(Trainer, FitContinuesFromTheStatesEpoch) {
  // Without validation rows the best parameters are the last ones, so stopping after 2
  // epochs and calling fit() again for 4 (same model, optimizer and state) must equal 4
  // epochs straight: batches depend only on (seed, epoch).
  const Matrix x = uniform_data(150, 16, 2), no_val(0, 16);
  TrainConfig c = small_config();
  c.set("epochs", "4");
  Rig straight(c);
  TrainerState s_state;
  straight.trainer->fit({x}, {no_val}, s_state, nullptr, no_callback);

  c.set("epochs", "2");
  Rig split(c);
  TrainerState state;
  split.trainer->fit({x}, {no_val}, state, nullptr, no_callback);
  ASSERT_EQ(state.epochs_done, 2);
  split.config.set("epochs", "4");  // a new loop over the same step, model and optimizer
  Trainer longer(split.step, app::loop_settings(split.config));
  std::vector<int> epochs_seen;
  longer.fit({x}, {no_val}, state, nullptr,
                     [&](const TrainerState& st) { epochs_seen.push_back(st.epochs_done); });
  EXPECT_EQ(epochs_seen, (std::vector<int>{3, 4}));
  ASSERT_EQ(state.history.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(state.history[i].epoch, int(i) + 1);
    EXPECT_EQ(state.history[i].value("train_loss"), s_state.history[i].value("train_loss")) << i;
  }
  EXPECT_TRUE(bit_identical(values_of(split.model), values_of(straight.model)));

  // A state that is already done trains nothing and leaves the weights alone.
  const auto before = values_of(split.model);
  EXPECT_EQ(longer.fit({x}, {no_val}, state, nullptr,
                       [&](const TrainerState&) { ADD_FAILURE() << "trained an epoch"; }),
            "completed");
  EXPECT_TRUE(bit_identical(values_of(split.model), before));
}

TEST(Trainer, AStopRequestEndsBetweenBatchesAndTheRunGoesOnExactly) {
  // With the request already set, every fit() trains one batch and stops: 3 epochs of 5
  // batches take 15 calls, each resuming the partial epoch the previous left (noise stream,
  // loss sums, step count), and end where 3 epochs straight end, bit for bit. A noisy
  // regularizer makes the noise stream's position matter.
  const Matrix x = uniform_data(150, 16, 2), no_val(0, 16);
  TrainConfig c = small_config();
  c.set("noise", "gaussian:0.2");
  Rig straight(c);
  TrainerState s_state;
  straight.trainer->fit({x}, {no_val}, s_state, nullptr, no_callback);

  Rig stopped(c);
  const std::atomic<bool> requested{true};
  stopped.trainer->stop_when(&requested);
  TrainerState state;
  int calls = 0, callbacks = 0;
  std::string outcome;
  do {
    outcome = stopped.trainer->fit({x}, {no_val}, state, nullptr, [&](const TrainerState&) { ++callbacks; });
    ++calls;
    if (stopped.trainer->interrupted() && state.partial.epoch != 0) {
      EXPECT_EQ(state.partial.epoch, state.epochs_done + 1);
      EXPECT_EQ(outcome, fmt::format("interrupted in epoch {} after batch {}", state.partial.epoch,
                                     state.partial.batches_done));
    }
  } while (stopped.trainer->interrupted() && calls < 100);
  EXPECT_EQ(outcome, "completed");
  EXPECT_EQ(calls, 15) << "5 batches per epoch: a stop after each of the first 4 and after "
                          "epochs 1 and 2; the last call finishes epoch 3";
  EXPECT_EQ(state.epochs_done, 3);
  ASSERT_EQ(state.history.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ(state.history[i].value("train_loss"), s_state.history[i].value("train_loss")) << i;
  EXPECT_TRUE(bit_identical(values_of(stopped.model), values_of(straight.model)));
  EXPECT_EQ(callbacks, 12 + 3) << "a call per stop inside an epoch and one per finished epoch";
}

TEST(PartialEpoch, JsonRoundTrip) {
  EXPECT_TRUE(PartialEpoch{}.to_json().is_null());
  EXPECT_EQ(PartialEpoch::from_json(nullptr).epoch, 0);
  Rng rng(5);
  rng.normal();  // leaves a spare normal in the state
  const PartialEpoch p{3, 7, {1.5, 0.25}, 2.5, rng.save()};
  const PartialEpoch q = PartialEpoch::from_json(nlohmann::json::parse(p.to_json().dump()));
  EXPECT_EQ(q.epoch, 3);
  EXPECT_EQ(q.batches_done, 7);
  EXPECT_EQ(q.loss_sums, p.loss_sums);
  EXPECT_EQ(q.seconds, 2.5);
  EXPECT_EQ(q.noise, p.noise);
  Rng restored = Rng::restore(q.noise);
  EXPECT_EQ(restored.normal(), rng.normal()) << "the spare normal comes back";
  EXPECT_EQ(restored.next_u64(), rng.next_u64());
}

TEST(Trainer, DivergenceThrowsWithAHint) {
  TrainConfig c = small_config();
  c.set("optimizer", "sgd");
  c.set("output_activation", "identity");
  c.lr = 1e30;
  Rig s(c);
  const Matrix x = uniform_data(150, 16, 2);
  test::expect_error<TrainingDiverged>([&] { s.trainer->train_epoch({x}, 1, nullptr); },
                                       {"diverged", "epoch 1", "loss is", "--lr"});
}

TEST(EpochRecord, JsonRoundTripKeepsNaNAsNull) {
  EpochRecord r{3, {{"train_loss", 0.25}, {"val_loss", std::nan("")}, {"val_mse", std::nan("")}}, 0.001, 1.5, 1234};
  const auto j = r.to_json();
  EXPECT_TRUE(j.at("val_loss").is_null());
  const EpochRecord back = EpochRecord::from_json(nlohmann::json::parse(j.dump()));
  EXPECT_EQ(back.epoch, 3);
  EXPECT_EQ(back.value("train_loss"), 0.25);
  EXPECT_EQ(back.values.size(), 3u);
  EXPECT_TRUE(std::isnan(back.value("val_loss")));
  EXPECT_EQ(back.lr, 0.001);
  EXPECT_EQ(back.samples_per_second, 1234);
}

}  // namespace
}  // namespace aekit::train
