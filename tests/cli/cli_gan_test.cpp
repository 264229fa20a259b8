// aekit train --model gan end to end: the lecture's algorithm trains (both losses and D's
// outputs in metrics.jsonl every epoch), --resume is bit-identical, the model samples and
// decodes codes, and impossible settings fail in one line with nothing written; --model dcgan
// on rows shaped by --shape, its batch norm statistics resumed exactly, and the report's
// strip of samples from one fixed noise batch over the epochs; an InfoGAN's codes, learned
// (L_I falls) and drawn in its report.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "aekit/data/npy.hpp"
#include "aekit/store/saved_model.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliGan : public ::testing::Test {
 protected:
  void SetUp() override { data::write_npy(dir_ / "x.npy", manifold_data(200, 16, 1)); }
  CliResult train(const std::string& flags, const std::string& out) {
    return run_aekit("train --model gan --data npy:" + (dir_ / "x.npy").string() +
                         " --test-data none --val-split 0 --threads 1 --batch 20 --lr 0.001 --latent 4 "
                         "--generator-layers 'dense 12 relu, dense 16 sigmoid' "
                         "--discriminator-layers 'dense 12 leaky_relu, dense 1' " + flags + " --out " +
                         (dir_ / out).string(),
                     dir_);
  }
  TempDir dir_;
};

TEST_F(CliGan, TrainsResumesAndSamples) {
  const auto r = train("--epochs 4 --d-steps 2", "straight");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::istringstream lines(read_file(dir_ / "straight" / "metrics.jsonl"));
  int epochs = 0;
  for (std::string line; std::getline(lines, line); ++epochs) {
    const auto m = nlohmann::json::parse(line);
    for (const char* key : {"train_d_loss", "train_g_loss", "train_d_real", "train_d_fake", "train_d_accuracy_real",
                            "train_d_accuracy_fake"})
      EXPECT_TRUE(m[key].is_number()) << key << " in " << line;
    EXPECT_GT(m["train_d_real"].get<double>(), 0);
    EXPECT_LT(m["train_d_real"].get<double>(), 1);
  }
  EXPECT_EQ(epochs, 4);
  ASSERT_EQ(train("--epochs 2 --d-steps 2", "resumed").exit_code, 0);
  const auto resumed = run_aekit("train --resume --epochs 4 --out " + (dir_ / "resumed").string(), dir_);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  EXPECT_EQ(store::load_model(dir_ / "straight" / "model.aek").model->state(),
            store::load_model(dir_ / "resumed" / "model.aek").model->state());

  const std::string model = (dir_ / "straight" / "model.aek").string();
  const auto s = run_aekit("sample --count 9 --model " + model + " -o " + (dir_ / "s.npy").string(), dir_);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const FloatMatrix samples = data::read_npy(dir_ / "s.npy").x;
  EXPECT_EQ(samples.rows(), 9);
  EXPECT_EQ(samples.cols(), 16);
  EXPECT_GE(samples.minCoeff(), 0.f);  // the generator's sigmoid
  EXPECT_LE(samples.maxCoeff(), 1.f);
  const auto info = run_aekit("info " + model, dir_);
  EXPECT_TRUE(contains(info.out, "sample")) << info.out;
  expect_failure(run_aekit("eval --model " + model + " --data npy:" + (dir_ / "x.npy").string(), dir_), 2, {"cannot"});
  // A model that cannot generate says so.
  ASSERT_EQ(run_aekit("train --model mlp --dims 16,4 --epochs 1 --threads 1 --test-data none --data npy:" +
                          (dir_ / "x.npy").string() + " --out " + (dir_ / "ae").string(), dir_).exit_code, 0);
  expect_failure(run_aekit("sample --count 3 --model " + (dir_ / "ae" / "model.aek").string() + " -o " +
                               (dir_ / "ae.npy").string(), dir_),
                 2, {"kind autoencoder", "cannot sample: it has no sampler"});
  EXPECT_FALSE(fs::exists(dir_ / "ae.npy"));
}

TEST_F(CliGan, DcganTrainsOnShapedRowsResumesExactlyAndShowsSamplesOverTraining) {
  const auto dcgan = [&](const std::string& flags, const std::string& out) {
    return run_aekit("train --model dcgan --data npy:" + (dir_ / "x.npy").string() +
                         " --test-data none --val-split 0 --threads 1 --batch 50 --latent 8 " + flags + " --out " +
                         (dir_ / out).string(),
                     dir_);
  };
  const auto r = dcgan("--shape 1x4x4 --epochs 3", "dcgan");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "gan (dcgan)")) << r.out;
  EXPECT_TRUE(contains(read_file(dir_ / "dcgan" / "config.toml"), "adam_beta1 = 0.5"));
  for (const char* epoch : {"epoch-0001.npy", "epoch-0002.npy", "epoch-0003.npy"}) {
    const FloatMatrix rows = data::read_npy(dir_ / "dcgan" / "samples_by_epoch" / epoch).x;
    EXPECT_EQ(rows.rows(), 10) << epoch;
    EXPECT_EQ(rows.cols(), 16) << epoch;
  }
  EXPECT_TRUE(fs::exists(dir_ / "dcgan" / "samples_over_training.png"));
  EXPECT_TRUE(contains(read_file(dir_ / "dcgan" / "report.html"), "Samples over training"));

  ASSERT_EQ(dcgan("--shape 1x4x4 --epochs 2", "dcgan_resumed").exit_code, 0);
  const auto resumed = run_aekit("train --resume --epochs 3 --out " + (dir_ / "dcgan_resumed").string(), dir_);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  EXPECT_EQ(store::load_model(dir_ / "dcgan" / "model.aek").model->state(),
            store::load_model(dir_ / "dcgan_resumed" / "model.aek").model->state())
      << "parameters and batch norm statistics";
  EXPECT_EQ(data::read_npy(dir_ / "dcgan" / "samples_by_epoch" / "epoch-0003.npy").x,
            data::read_npy(dir_ / "dcgan_resumed" / "samples_by_epoch" / "epoch-0003.npy").x);

  expect_failure(dcgan("--epochs 1", "flat"), 2, {"image rows [C, H, W]", "[1, 1, 16]", "--shape"});
  expect_failure(dcgan("--shape 5x5 --epochs 1", "misfit"), 2, {"shape 1x5x5 has 25 values, but its rows have 16"});
  expect_failure(dcgan("--shape 4xx4 --epochs 1", "bad_shape"), 2, {"shape", "4xx4", "CxHxW"});
  EXPECT_FALSE(fs::exists(dir_ / "flat"));
  EXPECT_FALSE(fs::exists(dir_ / "misfit"));
}

TEST_F(CliGan, InfoGanLearnsItsCodesAndDrawsThemInTheReport) {
  const auto r = run_aekit("train --model gan --data npy:" + (dir_ / "x.npy").string() +
                               " --test-data none --val-split 0 --threads 1 --batch 20 --lr 0.002 --latent 4 "
                               "--generator-layers 'dense 32 relu, dense 16 sigmoid' "
                               "--discriminator-layers 'dense 32 leaky_relu, dense 1' --epochs 30 --categorical 3 "
                               "--continuous 1 --out " + (dir_ / "info").string(),
                           dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "infogan: 3 categories, 1 continuous codes")) << r.out;
  std::istringstream lines(read_file(dir_ / "info" / "metrics.jsonl"));
  std::vector<double> info;
  for (std::string line; std::getline(lines, line);) info.push_back(nlohmann::json::parse(line)["train_info_loss"]);
  ASSERT_EQ(info.size(), 30u);
  // A Q that cannot read the codes back scores chance, log 3 + E[u^2] / 2 = 1.10 + 0.17.
  EXPECT_LT(info.back(), 0.6 * (std::log(3.0) + 1.0 / 6))
      << "Q learns to read the codes back from G's rows; L_I from " << info.front() << " at the first epoch";
  const std::string report = read_file(dir_ / "info" / "report.html");
  EXPECT_TRUE(contains(report, "InfoGAN: the categorical code"));
  EXPECT_TRUE(contains(report, "InfoGAN: the continuous codes"));
  EXPECT_TRUE(fs::exists(dir_ / "info" / "info_categories.png"));
  const auto s = run_aekit("sample --count 5 --model " + (dir_ / "info" / "model.aek").string() + " -o " +
                               (dir_ / "info.npy").string(), dir_);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_EQ(data::read_npy(dir_ / "info.npy").x.rows(), 5);
}

TEST_F(CliGan, ADivergingGanStopsNamingTheLoss) {
  const auto r = run_aekit("train --model gan --data npy:" + (dir_ / "x.npy").string() +
                               " --test-data none --val-split 0 --threads 1 --batch 20 --optimizer sgd --lr 1e30 "
                               "--latent 4 --generator-layers 'dense 12 relu, dense 16' "
                               "--discriminator-layers 'dense 12 relu, dense 1' --epochs 3 --out " +
                               (dir_ / "diverged").string(),
                           dir_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "training diverged at epoch 1")) << r.err;
  EXPECT_TRUE(contains(r.err, "d_loss is")) << r.err;
  EXPECT_TRUE(contains(r.err, "no epoch finished, so nothing was saved")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "diverged"));
}

TEST_F(CliGan, ImpossibleSettingsAreRefusedInOneLine) {
  const auto refused = [&](const std::string& flags, std::initializer_list<std::string> phrases) {
    const auto r = run_aekit("train --model gan --data npy:" + (dir_ / "x.npy").string() +
                                 " --test-data none --threads 1 --epochs 1 " + flags + " --out " + (dir_ / "bad").string(),
                             dir_);
    expect_failure(r, 2, phrases);
    EXPECT_FALSE(fs::exists(dir_ / "bad"));
  };
  refused("--d-steps 0", {"d_steps", "at least 1"});
  refused("--latent 0", {"latent", "at least 1"});
  refused("--d-lr -1", {"d_lr"});
  refused("--generator-loss wasserstein", {"generator_loss", "wasserstein"});
  refused("--discriminator-layers 'dense 8 relu, dense 1 sigmoid'", {"discriminator_layers", "must have no activation"});
  refused("--generator-layers 'dense 8 relu, dense 10 sigmoid'", {"generator_layers end in shape [1, 1, 10]", "[1, 1, 16]"});
  refused("--discriminator-layers 'dense 8 relu, dense 2'", {"discriminator_layers end in shape [1, 1, 2]", "one value"});
  refused("--dims 16,8", {"dims", "not to model gan"});
  refused("--categorical 1", {"categorical", "at least 2 values"});
  refused("--categorical 3 --conditional true", {"conditional = true and InfoGAN codes", "choose one"});
  refused("--continuous 2 --discriminator-layers 'dense 1'", {"Q head", "at least 2 layers"});
  refused("--info-weight -1", {"info_weight"});
}

}  // namespace
}  // namespace aekit::test
