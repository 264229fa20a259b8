// --resume continues a run exactly: 4 epochs straight and 2 + 2 resumed give bit-identical
// weights and the same metrics, with and without noisy regularizers, for mlp and conv models
// (with BatchNorm statistics and dropout). A checkpoint of another architecture is refused, and a run
// that diverges stops with a clear message and keeps its last good checkpoint.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "aekit/data/npy.hpp"
#include "aekit/store/autoencoder_file.hpp"
#include "aekit/io/model_file.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/store/checkpoint.hpp"
#include "aekit/models/autoencoder/autoencoder_step.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

std::vector<nlohmann::json> metrics_of(const fs::path& run) {
  std::vector<nlohmann::json> records;
  std::istringstream in(read_file(run / "metrics.jsonl"));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) records.push_back(nlohmann::json::parse(line));
  return records;
}

class CliResume : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", uniform_data(300, 32, 1));
    data::write_npy(dir_ / "t.npy", uniform_data(60, 32, 2));
  }
  // Adam's default lr unless `extra` gives --lr.
  // 300 rows, 10% validation: 270 training rows, batches of 64 (the last one has 14 rows).
  std::string train_args(const std::string& extra) const {
    return "train --data npy:" + (dir_ / "x.npy").string() + " --test-data npy:" +
           (dir_ / "t.npy").string() +
           " --dims 32,12,4 --batch 64 --patience 0 --seed 7 --threads 2 " + extra;
  }
  TempDir dir_;
};

// Every regularizer that draws noise or adds a penalty, at once: the noise stream of each
// epoch is derived from the seed, so resuming reproduces it too.
constexpr const char* kRegularized =
    "--noise gaussian:0.1 --code-activation sigmoid --code-noise 1 --kl 0.1:1 --contractive 0.1 ";

void expect_two_plus_two_equals_four(const TempDir& dir_, const std::string& regularizers,
                                     const std::function<std::string(const std::string&)>& train_args) {
  SCOPED_TRACE(regularizers.empty() ? "plain" : regularizers);
  const fs::path straight = dir_ / "straight", resumed = dir_ / "resumed";
  fs::remove_all(straight);
  fs::remove_all(resumed);
  auto r = run_aekit(train_args(regularizers + "--epochs 4 --out " + straight.string()), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_aekit(train_args(regularizers + "--epochs 2 --out " + resumed.string()), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(metrics_of(resumed).size(), 2u);
  // The resumed call takes its settings from the run's config.toml; only --epochs changes.
  r = run_aekit("train --resume --epochs 4 --out " + resumed.string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;

  const auto a = store::load_autoencoder(straight / "model.aek");
  const auto b = store::load_autoencoder(resumed / "model.aek");
  const auto pa = a.model->parameters().values(), pb = b.model->parameters().values();
  ASSERT_EQ(pa.size(), pb.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < pa.size(); ++i) differing += std::memcmp(&pa[i], &pb[i], sizeof(Scalar)) != 0;
  EXPECT_EQ(differing, 0u) << "of " << pa.size() << " parameters";
  EXPECT_EQ(a.model->buffer_values(), b.model->buffer_values()) << "BatchNorm statistics";

  const auto ma = metrics_of(straight), mb = metrics_of(resumed);
  ASSERT_EQ(ma.size(), 4u);
  ASSERT_EQ(mb.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(mb[i].at("epoch").get<int>(), int(i) + 1);
    for (const char* key : {"train_loss", "val_loss", "val_mse", "lr"})
      EXPECT_EQ(ma[i].at(key), mb[i].at(key)) << key << " of epoch " << i + 1;
  }
  const auto sa = nlohmann::json::parse(read_file(straight / "summary.json"));
  const auto sb = nlohmann::json::parse(read_file(resumed / "summary.json"));
  EXPECT_EQ(sa.at("test_mse"), sb.at("test_mse"));
  EXPECT_EQ(sb.at("epochs_done").get<int>(), 4);
  // The resumed run's header history covers all 4 epochs too.
  EXPECT_EQ(b.header.at("training").at("history").size(), 4u);
}

TEST_F(CliResume, TwoPlusTwoEpochsEqualFourStraight) {
  const auto args = [this](const std::string& extra) { return train_args(extra); };
  expect_two_plus_two_equals_four(dir_, "", args);
  expect_two_plus_two_equals_four(dir_, kRegularized, args);
}

// A conv model whose BatchNorm running statistics must come back from the checkpoint and whose
// dropout masks come from the epoch's noise stream.
TEST_F(CliResume, ConvModelWithBatchNormAndDropoutResumesExactly) {
  data::write_npy(dir_ / "img.npy", uniform_data(300, 64, 3), Shape{1, 8, 8});
  data::write_npy(dir_ / "img_test.npy", uniform_data(60, 64, 4), Shape{1, 8, 8});
  const auto args = [this](const std::string& extra) {
    return "train --data npy:" + (dir_ / "img.npy").string() + " --test-data npy:" +
           (dir_ / "img_test.npy").string() +
           " --model conv --encoder-layers 'conv 4 3 pad=1 relu, batchnorm, dropout 0.2, "
           "maxpool 2' --decoder-layers 'deconv 4 2 stride=2 relu, batchnorm, conv 1 3 pad=1' "
           "--batch 64 --patience 0 --seed 7 --threads 2 " + extra;
  };
  expect_two_plus_two_equals_four(dir_, "", args);
  expect_two_plus_two_equals_four(dir_, "--noise mask:0.3 --l1 0.001 ", args);
}

TEST_F(CliResume, ResumeOfAFinishedRunChangesNothingButTheFiles) {
  // --resume with the epochs already done trains no more: the weights stay the same.
  const fs::path run = dir_ / "run";
  auto r = run_aekit(train_args("--epochs 2 --out " + run.string()), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto before = store::load_autoencoder(run / "model.aek");
  r = run_aekit("train --resume --out " + run.string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto after = store::load_autoencoder(run / "model.aek");
  const auto pa = before.model->parameters().values(), pb = after.model->parameters().values();
  ASSERT_EQ(pa.size(), pb.size());
  EXPECT_EQ(std::memcmp(pa.data(), pb.data(), pa.size() * sizeof(Scalar)), 0);
  EXPECT_EQ(metrics_of(run).size(), 2u);
}

TEST_F(CliResume, CheckpointOfAnotherArchitectureIsRefused) {
  // The run's config.toml and its checkpoint disagree (the file was edited, or copied from
  // another run): the checkpoint's own description of its model decides, and nothing changes.
  const fs::path run = dir_ / "run";
  auto r = run_aekit(train_args("--epochs 1 --out " + run.string()), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string model_before = read_file(run / "model.aek");
  const std::string checkpoint_before = read_file(run / "checkpoint.aek");
  const std::string metrics_before = read_file(run / "metrics.jsonl");
  const std::string config = read_file(run / "config.toml");
  const auto edited = [&](const std::string& from, const std::string& to) {
    std::string text = config;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
  };
  write_file(run / "config.toml", edited("dims = [32, 12, 4]", "dims = [32, 8, 4]"));
  r = run_aekit("train --resume --epochs 3 --out " + run.string(), dir_);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.err.rfind("aekit: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_TRUE(contains(r.err, "cannot resume")) << r.err;
  EXPECT_TRUE(contains(r.err, "checkpoint.aek")) << r.err;
  EXPECT_TRUE(contains(r.err, "[32,12,4]")) << r.err;  // what the checkpoint holds
  EXPECT_TRUE(contains(r.err, "[32,8,4]")) << r.err;   // what was asked for
  EXPECT_EQ(read_file(run / "model.aek"), model_before);
  EXPECT_EQ(read_file(run / "checkpoint.aek"), checkpoint_before);
  EXPECT_EQ(read_file(run / "metrics.jsonl"), metrics_before);

  // Another optimizer is refused as well.
  write_file(run / "config.toml", edited("optimizer = \"adam\"", "optimizer = \"rmsprop\""));
  r = run_aekit("train --resume --epochs 3 --out " + run.string(), dir_);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(contains(r.err, "different optimizer")) << r.err;
  EXPECT_EQ(read_file(run / "checkpoint.aek"), checkpoint_before);
}

TEST_F(CliResume, DivergenceInTheFirstEpochSavesNothing) {
  const fs::path run = dir_ / "run";
  const auto r = run_aekit(train_args("--epochs 3 --optimizer sgd --lr 1e30 --output-activation "
                                  "identity --out " + run.string()),
                       dir_);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(r.err.rfind("aekit: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_TRUE(contains(r.err, "diverged")) << r.err;
  EXPECT_TRUE(contains(r.err, "epoch 1")) << r.err;
  EXPECT_TRUE(contains(r.err, "--lr")) << r.err;  // the hint
  EXPECT_FALSE(fs::exists(run)) << "no empty run folder after a failure";
}

TEST_F(CliResume, DivergenceLaterKeepsTheLastGoodCheckpoint) {
  const fs::path run = dir_ / "run";
  auto r = run_aekit(train_args("--epochs 1 --output-activation identity --out " + run.string()), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string model_before = read_file(run / "model.aek");
  const std::string checkpoint_before = read_file(run / "checkpoint.aek");
  // A resumed run keeps its learning rate; one edited into config.toml blows up in epoch 2,
  // and epoch 1's checkpoint stays.
  std::string config = read_file(run / "config.toml");
  const auto lr = config.find("lr = 0.001");
  ASSERT_NE(lr, std::string::npos) << config;
  write_file(run / "config.toml", config.replace(lr, 10, "lr = 1e30"));
  const std::string config_before = read_file(run / "config.toml");
  r = run_aekit("train --resume --epochs 3 --out " + run.string(), dir_);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_TRUE(contains(r.err, "diverged at epoch 2")) << r.err;
  EXPECT_TRUE(contains(r.err, "checkpoint.aek")) << r.err;
  EXPECT_TRUE(contains(r.err, "(epoch 1) is kept")) << r.err;
  EXPECT_EQ(read_file(run / "checkpoint.aek"), checkpoint_before);
  EXPECT_EQ(read_file(run / "model.aek"), model_before);
  EXPECT_EQ(read_file(run / "config.toml"), config_before);
  EXPECT_EQ(metrics_of(run).size(), 1u);

  // The checkpoint is loadable and says where the run stood.
  const io::ModelFile file = io::load_model_file(run / "checkpoint.aek");
  models::Autoencoder model(models::AutoencoderConfig::from_json(file.header.at("model")));
  models::Objective objective(models::LossKind::mse, model.config().output);
  models::AutoencoderStep step(model, objective, optim::make_optimizer({}), 1e-3);
  train::TrainerState state;
  store::load_checkpoint(run / "checkpoint.aek", model.to_json(), step, state);
  EXPECT_EQ(state.epochs_done, 1);
  EXPECT_EQ(state.history.size(), 1u);
  EXPECT_EQ(step.optimizer().steps(), 5);  // ceil(270 / 64)
  for (const Scalar v : model.parameters().values()) ASSERT_TRUE(std::isfinite(v));
}

}  // namespace
}  // namespace aekit::test
