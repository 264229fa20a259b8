#include "aekit/train/checkpoint.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "aekit/store/autoencoder_file.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/io/model_file.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"
#include "support/train_rig.hpp"

namespace aekit::train {
namespace {

using test::bit_identical;
using test::uniform_data;
using test::values_of;

TrainConfig small_config(const char* optimizer = "adam", const char* dims = "16,8,3") {
  TrainConfig c = TrainConfig::defaults();
  c.set("dims", dims);
  c.set("batch", "32");
  c.set("lr", "0.01");
  c.set("patience", "0");
  c.set("optimizer", optimizer);
  if (std::string_view(optimizer) == "sgd") c.set("momentum", "0.9");
  return c;
}

// A small model, objective, optimizer and trainer, initialized as the CLI does: from the
// config's seed.
struct Rig : test::TrainRig {
  explicit Rig(const TrainConfig& c) : TrainRig(c, Rng(c.seed).derive("init")) {}
};

const data::Scaling kScaling = data::Scaling::fit(data::ScalingKind::unit, FloatMatrix::Constant(2, 2, 1.0f));

class Checkpoint : public ::testing::Test {
 protected:
  const Matrix train_ = uniform_data(150, 16, 2);
  const Matrix val_ = uniform_data(30, 16, 3);
  test::TempDir dir_;
};

TEST_F(Checkpoint, RestoresParametersOptimizerAndTrainerState) {
  for (const char* kind : {"adam", "sgd", "rmsprop"}) {
    SCOPED_TRACE(kind);
    TrainConfig c = small_config(kind);
    c.set("epochs", "2");
    Rig s(c);
    TrainerState state;
    std::vector<Scalar> at_save;
    s.trainer->fit(train_, val_, state, nullptr, [&](const TrainerState& st) {
      save_checkpoint(dir_ / "c.aek", s.model, *s.optimizer, st, kScaling, Shape{1, 4, 4});
      at_save = values_of(s.model);
    });

    Rig fresh(c);
    TrainerState restored;
    const data::Scaling scaling = load_checkpoint(dir_ / "c.aek", fresh.model, *fresh.optimizer, restored);
    EXPECT_EQ(scaling.to_json(), kScaling.to_json());
    EXPECT_TRUE(bit_identical(values_of(fresh.model), at_save));
    EXPECT_EQ(fresh.optimizer->steps(), s.optimizer->steps());
    EXPECT_EQ(fresh.optimizer->steps(), 2 * 5);  // ceil(150 / 32) batches per epoch
    const auto a = s.optimizer->state(), b = fresh.optimizer->state();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].first, b[i].first);
      ASSERT_EQ(a[i].second->size(), b[i].second->size());
      EXPECT_TRUE(*a[i].second == *b[i].second) << a[i].first;
    }
    EXPECT_EQ(restored.epochs_done, 2);
    EXPECT_EQ(restored.best_epoch, state.best_epoch);
    EXPECT_EQ(restored.best_val_loss, state.best_val_loss);
    EXPECT_EQ(restored.epochs_without_gain, state.epochs_without_gain);
    EXPECT_TRUE(restored.best_params == state.best_params);
    ASSERT_EQ(restored.history.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
      EXPECT_EQ(restored.history[i].train_loss, state.history[i].train_loss);
      EXPECT_EQ(restored.history[i].val_loss, state.history[i].val_loss);
    }
  }
}

TEST_F(Checkpoint, ResumingGivesTheUninterruptedRun) {
  // Validation set on, so the best-parameter bookkeeping travels through the checkpoint too.
  TrainConfig c4 = small_config();
  c4.set("epochs", "4");
  Rig straight(c4);
  TrainerState straight_state;
  straight.trainer->fit(train_, val_, straight_state, nullptr, [](const TrainerState&) {});

  TrainConfig c2 = small_config();
  c2.set("epochs", "2");
  {
    Rig first(c2);
    TrainerState state;
    first.trainer->fit(train_, val_, state, nullptr, [&](const TrainerState& st) {
      save_checkpoint(dir_ / "c.aek", first.model, *first.optimizer, st, kScaling, Shape{});
    });
  }
  Rig second(c4);
  TrainerState state;
  load_checkpoint(dir_ / "c.aek", second.model, *second.optimizer, state);
  std::vector<int> epochs;
  second.trainer->fit(train_, val_, state, nullptr,
                      [&](const TrainerState& st) { epochs.push_back(st.epochs_done); });
  EXPECT_EQ(epochs, (std::vector<int>{3, 4}));
  EXPECT_TRUE(bit_identical(values_of(second.model), values_of(straight.model)));
  EXPECT_EQ(state.best_epoch, straight_state.best_epoch);
  ASSERT_EQ(state.history.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(state.history[i].train_loss, straight_state.history[i].train_loss) << i;
    EXPECT_EQ(state.history[i].val_loss, straight_state.history[i].val_loss) << i;
  }
}

TEST_F(Checkpoint, WithoutValidationBestLossSurvivesAsNaN) {
  TrainConfig c = small_config();
  c.set("epochs", "1");
  Rig s(c);
  TrainerState state;
  s.trainer->fit(train_, Matrix(0, 16), state, nullptr, [&](const TrainerState& st) {
    save_checkpoint(dir_ / "c.aek", s.model, *s.optimizer, st, kScaling, Shape{});
  });
  Rig fresh(c);
  TrainerState restored;
  load_checkpoint(dir_ / "c.aek", fresh.model, *fresh.optimizer, restored);
  EXPECT_TRUE(std::isnan(restored.best_val_loss));
  EXPECT_EQ(restored.best_epoch, 1);
}

TEST_F(Checkpoint, RefusesAnotherArchitectureOptimizerOrFile) {
  TrainConfig c = small_config();
  c.set("epochs", "1");
  Rig s(c);
  TrainerState state;
  s.trainer->fit(train_, val_, state, nullptr, [&](const TrainerState& st) {
    save_checkpoint(dir_ / "c.aek", s.model, *s.optimizer, st, kScaling, Shape{});
  });

  {
    Rig other(small_config("adam", "16,6,3"));
    TrainerState st;
    test::expect_error([&] { load_checkpoint(dir_ / "c.aek", other.model, *other.optimizer, st); },
                       {"cannot resume", "c.aek", "[16,8,3]", "[16,6,3]"});
    EXPECT_EQ(st.epochs_done, 0);
  }
  {
    TrainConfig tc = small_config();
    tc.set("activation", "tanh");
    Rig other(tc);
    test::expect_error([&] { TrainerState st; load_checkpoint(dir_ / "c.aek", other.model, *other.optimizer, st); },
                       {"cannot resume", "tanh"});
  }
  {
    Rig other(small_config("sgd"));
    test::expect_error([&] { TrainerState st; load_checkpoint(dir_ / "c.aek", other.model, *other.optimizer, st); },
                       {"cannot resume", "different optimizer"});
  }
  // A final model file is not a checkpoint.
  store::save_model(dir_ / "model.aek", s.model, kScaling, Shape{});
  {
    Rig other(c);
    test::expect_error([&] { TrainerState st; load_checkpoint(dir_ / "model.aek", other.model, *other.optimizer, st); },
                       {"cannot resume", "not a checkpoint"});
  }
  // A damaged checkpoint is caught by its checksum.
  std::string bytes = test::read_file(dir_ / "c.aek");
  bytes[bytes.size() - 10] ^= 1;
  test::write_file(dir_ / "damaged.aek", bytes);
  {
    Rig other(c);
    test::expect_error([&] { TrainerState st; load_checkpoint(dir_ / "damaged.aek", other.model, *other.optimizer, st); },
                       {"damaged.aek", "CRC-32"});
  }
  // A checkpoint whose blob does not match its header's optimizer arrays.
  io::ModelFile file = io::load_model_file(dir_ / "c.aek");
  file.blob.resize(file.blob.size() - 1);
  io::save_model_file(dir_ / "short.aek", file);
  {
    Rig other(c);
    test::expect_error([&] { TrainerState st; load_checkpoint(dir_ / "short.aek", other.model, *other.optimizer, st); },
                       {"cannot resume", "values"});
  }
  // A header with a field missing.
  file = io::load_model_file(dir_ / "c.aek");
  file.header["checkpoint"].erase("history");
  io::save_model_file(dir_ / "nohistory.aek", file);
  {
    Rig other(c);
    test::expect_error([&] { TrainerState st; load_checkpoint(dir_ / "nohistory.aek", other.model, *other.optimizer, st); },
                       {"cannot resume", "malformed"});
  }
}

}  // namespace
}  // namespace aekit::train
