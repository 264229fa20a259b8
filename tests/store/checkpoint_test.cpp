#include "aekit/store/checkpoint.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "aekit/store/autoencoder_file.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/io/model_file.hpp"
#include "aekit/models/sparse/psd_step.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"
#include "support/train_rig.hpp"

namespace aekit::store {
namespace {

using test::bit_identical;
using test::uniform_data;
using test::values_of;
using train::TrainConfig;
using train::TrainerState;

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

void save(const std::filesystem::path& path, Rig& s, const TrainerState& state, Shape shape = {}) {
  save_checkpoint(path, model_header(s.model, kScaling, shape), s.step, state);
}

// Loads into `r`; returns the scaling the checkpoint holds.
data::Scaling load(const std::filesystem::path& path, Rig& r, TrainerState& state) {
  return data::Scaling::from_json(load_checkpoint(path, r.model.to_json(), r.step, state).at("scaling"));
}

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
    s.trainer->fit({train_}, {val_}, state, nullptr, [&](const TrainerState& st) {
      save(dir_ / "c.aek", s, st, Shape{1, 4, 4});
      at_save = values_of(s.model);
    });

    Rig fresh(c);
    TrainerState restored;
    const data::Scaling scaling = load(dir_ / "c.aek", fresh, restored);
    EXPECT_EQ(scaling.to_json(), kScaling.to_json());
    EXPECT_TRUE(bit_identical(values_of(fresh.model), at_save));
    EXPECT_EQ(fresh.step.optimizer().steps(), s.step.optimizer().steps());
    EXPECT_EQ(fresh.step.optimizer().steps(), 2 * 5);  // ceil(150 / 32) batches per epoch
    const auto a = s.step.optimizer().state(), b = fresh.step.optimizer().state();
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
    EXPECT_TRUE(restored.best_values == state.best_values);
    ASSERT_EQ(restored.history.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
      EXPECT_EQ(restored.history[i].value("train_loss"), state.history[i].value("train_loss"));
      EXPECT_EQ(restored.history[i].value("val_loss"), state.history[i].value("val_loss"));
    }
  }
}

TEST_F(Checkpoint, ResumingGivesTheUninterruptedRun) {
  // Validation set on, so the best-parameter bookkeeping travels through the checkpoint too.
  TrainConfig c4 = small_config();
  c4.set("epochs", "4");
  Rig straight(c4);
  TrainerState straight_state;
  straight.trainer->fit({train_}, {val_}, straight_state, nullptr, [](const TrainerState&) {});

  TrainConfig c2 = small_config();
  c2.set("epochs", "2");
  {
    Rig first(c2);
    TrainerState state;
    first.trainer->fit({train_}, {val_}, state, nullptr, [&](const TrainerState& st) {
      save(dir_ / "c.aek", first, st, Shape{});
    });
  }
  Rig second(c4);
  TrainerState state;
  load(dir_ / "c.aek", second, state);
  std::vector<int> epochs;
  second.trainer->fit({train_}, {val_}, state, nullptr,
                      [&](const TrainerState& st) { epochs.push_back(st.epochs_done); });
  EXPECT_EQ(epochs, (std::vector<int>{3, 4}));
  EXPECT_TRUE(bit_identical(values_of(second.model), values_of(straight.model)));
  EXPECT_EQ(state.best_epoch, straight_state.best_epoch);
  ASSERT_EQ(state.history.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(state.history[i].value("train_loss"), straight_state.history[i].value("train_loss")) << i;
    EXPECT_EQ(state.history[i].value("val_loss"), straight_state.history[i].value("val_loss")) << i;
  }
}

TEST_F(Checkpoint, WithoutValidationBestLossSurvivesAsNaN) {
  TrainConfig c = small_config();
  c.set("epochs", "1");
  Rig s(c);
  TrainerState state;
  s.trainer->fit({train_}, {Matrix(0, 16)}, state, nullptr, [&](const TrainerState& st) {
    save(dir_ / "c.aek", s, st, Shape{});
  });
  Rig fresh(c);
  TrainerState restored;
  load(dir_ / "c.aek", fresh, restored);
  EXPECT_TRUE(std::isnan(restored.best_val_loss));
  EXPECT_EQ(restored.best_epoch, 1);
}

TEST_F(Checkpoint, RefusesAnotherArchitectureOptimizerOrFile) {
  TrainConfig c = small_config();
  c.set("epochs", "1");
  Rig s(c);
  TrainerState state;
  s.trainer->fit({train_}, {val_}, state, nullptr, [&](const TrainerState& st) {
    save(dir_ / "c.aek", s, st, Shape{});
  });

  {
    Rig other(small_config("adam", "16,6,3"));
    TrainerState st;
    test::expect_error([&] { load(dir_ / "c.aek", other, st); },
                       {"cannot resume", "c.aek", "[16,8,3]", "[16,6,3]"});
    EXPECT_EQ(st.epochs_done, 0);
  }
  {
    TrainConfig tc = small_config();
    tc.set("activation", "tanh");
    Rig other(tc);
    test::expect_error([&] { TrainerState st; load(dir_ / "c.aek", other, st); },
                       {"cannot resume", "tanh"});
  }
  {
    Rig other(small_config("sgd"));
    test::expect_error([&] { TrainerState st; load(dir_ / "c.aek", other, st); },
                       {"cannot resume", "different optimizer"});
  }
  // A final model file is not a checkpoint.
  save_model(dir_ / "model.aek", s.model, kScaling, Shape{});
  {
    Rig other(c);
    test::expect_error([&] { TrainerState st; load(dir_ / "model.aek", other, st); },
                       {"cannot resume", "not a checkpoint"});
  }
  // A damaged checkpoint is caught by its checksum.
  std::string bytes = test::read_file(dir_ / "c.aek");
  bytes[bytes.size() - 10] ^= 1;
  test::write_file(dir_ / "damaged.aek", bytes);
  {
    Rig other(c);
    test::expect_error([&] { TrainerState st; load(dir_ / "damaged.aek", other, st); },
                       {"damaged.aek", "CRC-32"});
  }
  // A checkpoint whose blob does not match its header's optimizer arrays.
  io::ModelFile file = io::load_model_file(dir_ / "c.aek");
  file.blob.resize(file.blob.size() - 1);
  io::save_model_file(dir_ / "short.aek", file);
  {
    Rig other(c);
    test::expect_error([&] { TrainerState st; load(dir_ / "short.aek", other, st); },
                       {"cannot resume", "values"});
  }
  // A header with a field missing.
  file = io::load_model_file(dir_ / "c.aek");
  file.header["checkpoint"].erase("history");
  io::save_model_file(dir_ / "nohistory.aek", file);
  {
    Rig other(c);
    test::expect_error([&] { TrainerState st; load(dir_ / "nohistory.aek", other, st); },
                       {"cannot resume", "malformed"});
  }
}

TEST_F(Checkpoint, AFileFromBeforeParameterGroupsStillLoads) {
  // Autoencoder checkpoints written before groups had the optimizer fields at the top level
  // of "checkpoint" and the same blob layout as one group.
  TrainConfig c = small_config();
  c.set("epochs", "1");
  Rig s(c);
  TrainerState state;
  s.trainer->fit({train_}, {val_}, state, nullptr, [&](const TrainerState& st) { save(dir_ / "c.aek", s, st); });
  io::ModelFile file = io::load_model_file(dir_ / "c.aek");
  auto& saved = file.header["checkpoint"];
  saved["optimizer_steps"] = saved["groups"][0]["optimizer_steps"];
  saved["optimizer_arrays"] = saved["groups"][0]["optimizer_arrays"];
  saved.erase("groups");
  io::save_model_file(dir_ / "old.aek", file);
  Rig fresh(c);
  TrainerState restored;
  load(dir_ / "old.aek", fresh, restored);
  EXPECT_TRUE(bit_identical(values_of(fresh.model), values_of(s.model)));
  EXPECT_EQ(fresh.step.optimizer().steps(), s.step.optimizer().steps());
  EXPECT_EQ(restored.epochs_done, 1);
}

TEST_F(Checkpoint, AStepWithSeveralGroupsResumesBitIdentically) {
  // PSD trains three groups (dictionary, weight, bias), each with its own optimizer.
  models::PsdConfig config;
  config.atoms = 6;
  config.lr = 0.01;
  config.seed = 3;
  optim::OptimizerConfig adam;
  const auto loop = [](int epochs) {
    train::LoopSettings settings;
    settings.epochs = epochs;
    settings.batch = 32;
    settings.patience = 0;
    return settings;
  };
  const auto start = [&] { return models::PsdStep(models::psd_initial_parameters(train_, config), config, adam); };
  models::PsdStep straight = start();
  TrainerState straight_state;
  train::Trainer(straight, loop(3)).fit({train_}, {val_}, straight_state, nullptr, [](const TrainerState&) {});

  const nlohmann::json header = {{"model", "psd-test"}};
  {
    models::PsdStep first = start();
    TrainerState state;
    train::Trainer(first, loop(2)).fit({train_}, {val_}, state, nullptr, [&](const TrainerState& st) {
      save_checkpoint(dir_ / "psd.aek", header, first, st);
    });
  }
  models::PsdStep second = start();
  TrainerState state;
  load_checkpoint(dir_ / "psd.aek", header["model"], second, state);
  EXPECT_EQ(state.epochs_done, 2);
  train::Trainer(second, loop(3)).fit({train_}, {val_}, state, nullptr, [](const TrainerState&) {});
  const auto& a = second.parameters();
  const auto& b = straight.parameters();
  EXPECT_TRUE(a.dictionary == b.dictionary && a.weight == b.weight && a.bias == b.bias);
  EXPECT_EQ(state.history.back().value("train_loss"), straight_state.history.back().value("train_loss"));
  EXPECT_EQ(state.best_epoch, straight_state.best_epoch);

  models::PsdStep other = start();
  TrainerState st;
  test::expect_error([&] { load_checkpoint(dir_ / "psd.aek", "another model", other, st); },
                     {"cannot resume", "psd-test"});
}

}  // namespace
}  // namespace aekit::store
