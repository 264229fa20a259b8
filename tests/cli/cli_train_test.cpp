// End-to-end tests of the aekit CLI: train writes a complete run folder, and eval, encode,
// decode, reconstruct and info agree with it and with each other.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "aekit/data/npy.hpp"
#include "aekit/store/autoencoder_file.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// One trained run shared by the tests of this suite (training takes well under a second).
class CliTrain : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    data::write_npy(*dir_ / "x.npy", manifold_data(400, 64, 1));
    data::write_npy(*dir_ / "t.npy", manifold_data(100, 64, 2));
    train_result_ = new CliResult(run_aekit(
        "train --data npy:" + (*dir_ / "x.npy").string() + " --test-data npy:" +
            (*dir_ / "t.npy").string() +
            " --dims 64,16,4 --epochs 2 --batch 32 --lr 0.01 --threads 1 --out " + run().string(),
        *dir_));
  }
  static void TearDownTestSuite() {
    delete train_result_;
    delete dir_;
  }
  static fs::path run() { return *dir_ / "run"; }
  static std::string model() { return (run() / "model.aek").string(); }
  static std::string test_spec() { return "npy:" + (*dir_ / "t.npy").string(); }

  void SetUp() override {
    ASSERT_EQ(train_result_->exit_code, 0) << train_result_->out << train_result_->err;
  }

  static TempDir* dir_;
  static CliResult* train_result_;
};
TempDir* CliTrain::dir_ = nullptr;
CliResult* CliTrain::train_result_ = nullptr;

TEST_F(CliTrain, WritesACompleteRunFolder) {
  for (const char* name : {"model.aek", "checkpoint.aek", "config.toml", "metrics.jsonl",
                           "summary.json", "reconstructions.png", "filters.png", "loss.svg",
                           "report.html"})
    EXPECT_TRUE(fs::is_regular_file(run() / name)) << name;
  EXPECT_TRUE(contains(train_result_->out, "test (")) << train_result_->out;
  EXPECT_TRUE(contains(train_result_->out, "MSE")) << train_result_->out;
  EXPECT_EQ(train_result_->err, "");

  const auto metrics = lines_of(read_file(run() / "metrics.jsonl"));
  ASSERT_EQ(metrics.size(), 2u);
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    const auto j = nlohmann::json::parse(metrics[i]);
    EXPECT_EQ(j.at("epoch").get<int>(), int(i) + 1);
    for (const char* key : {"train_loss", "val_loss", "val_mse", "lr", "seconds"}) {
      ASSERT_TRUE(j.at(key).is_number()) << key << " in " << metrics[i];
      EXPECT_TRUE(std::isfinite(j.at(key).get<double>())) << key;
    }
    EXPECT_GT(j.at("train_loss").get<double>(), 0);
    EXPECT_DOUBLE_EQ(j.at("lr").get<double>(), 0.01);
  }
  // Training makes progress on an easy manifold.
  EXPECT_LT(nlohmann::json::parse(metrics[1]).at("train_loss").get<double>(),
            nlohmann::json::parse(metrics[0]).at("train_loss").get<double>());

  const auto summary = nlohmann::json::parse(read_file(run() / "summary.json"));
  ASSERT_TRUE(summary.at("test_mse").is_number());
  ASSERT_TRUE(summary.at("pca_test_mse").is_number());
  EXPECT_GT(summary.at("test_mse").get<double>(), 0);
  EXPECT_LT(summary.at("test_mse").get<double>(), 0.25);  // outputs are sigmoids of [0,1] data
  EXPECT_GT(summary.at("pca_test_mse").get<double>(), 0);
  EXPECT_EQ(summary.at("test_rows").get<int>(), 100);
  EXPECT_EQ(summary.at("epochs_done").get<int>(), 2);

  const std::string png = read_file(run() / "reconstructions.png");
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_TRUE(contains(read_file(run() / "loss.svg"), "<svg"));
  const std::string html = read_file(run() / "report.html");
  EXPECT_TRUE(contains(html, "test MSE")) << html.substr(0, 2000);
  EXPECT_TRUE(contains(html, "reconstructions.png"));
  EXPECT_TRUE(contains(html, "loss.svg"));
  EXPECT_TRUE(contains(html, "filters.png"));  // 64 inputs: 8x8 filters

  const std::string config = read_file(run() / "config.toml");
  EXPECT_TRUE(contains(config, "dims = [64, 16, 4]")) << config;
  EXPECT_TRUE(contains(config, "epochs = 2")) << config;
}

TEST_F(CliTrain, EvalJsonMatchesTheRunSummary) {
  const auto r = run_aekit("eval --model " + model() + " --data " + test_spec() + " --json", *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  const auto j = nlohmann::json::parse(lines[0]);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j.at("n").get<int>(), 100);
  ASSERT_TRUE(j.at("bce").is_number());
  EXPECT_GT(j.at("bce").get<double>(), 0);
  const double test_mse =
      nlohmann::json::parse(read_file(run() / "summary.json")).at("test_mse").get<double>();
  EXPECT_NEAR(j.at("mse").get<double>(), test_mse, 1e-6 * test_mse);

  // Text mode says the same in words.
  const auto text = run_aekit("eval --model " + model() + " --data " + test_spec(), *dir_);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "mse")) << text.out;
  EXPECT_TRUE(contains(text.out, "100 rows")) << text.out;
}

TEST_F(CliTrain, DecodeOfEncodeEqualsReconstruct) {
  const std::string codes = (*dir_ / "codes.npy").string(), decoded = (*dir_ / "decoded.npy").string(),
                    rebuilt = (*dir_ / "rebuilt.npy").string();
  auto r = run_aekit("encode --model " + model() + " --input " + test_spec() + " --output " + codes, *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto c = data::read_npy(codes);
  EXPECT_EQ(c.dims, (std::vector<Index>{100, 4}));

  r = run_aekit("decode --model " + model() + " --input npy:" + codes + " --output " + decoded, *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_aekit("reconstruct --model " + model() + " --input " + test_spec() + " --output " + rebuilt,
            *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto d = data::read_npy(decoded), x = data::read_npy(rebuilt);
  ASSERT_EQ(d.dims, (std::vector<Index>{100, 64}));
  ASSERT_EQ(x.dims, (std::vector<Index>{100, 64}));
  EXPECT_LE((d.x - x.x).cwiseAbs().maxCoeff(), 1e-5f);

  // The reconstructions are in the data's units: scaled back, they score the summary's MSE.
  const auto saved = store::load_autoencoder(model());
  EXPECT_EQ(saved.scaling.kind(), data::ScalingKind::unit);
  FloatMatrix t = data::read_npy(*dir_ / "t.npy").x, rec = x.x;
  EXPECT_GT((rec - t).cwiseAbs().maxCoeff(), 0.0f);
  saved.scaling.apply(t);
  saved.scaling.apply(rec);
  const double mse = double((rec - t).squaredNorm()) / double(t.size());
  const double test_mse =
      nlohmann::json::parse(read_file(run() / "summary.json")).at("test_mse").get<double>();
  EXPECT_NEAR(mse, test_mse, 1e-4 * test_mse);
}

TEST_F(CliTrain, InfoDescribesTheModel) {
  auto r = run_aekit("info --model " + model(), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "mlp 64-16-4 (mirrored)")) << r.out;
  // 64*16+16 + 16*4+4 + 4*16+16 + 16*64+64
  EXPECT_TRUE(contains(r.out, std::to_string(64 * 16 + 16 + 16 * 4 + 4 + 4 * 16 + 16 + 16 * 64 + 64)))
      << r.out;
  r = run_aekit("info " + model() + " --json", *dir_);  // positional form
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto header = nlohmann::json::parse(r.out);
  EXPECT_EQ(header.at("model").at("dims"), nlohmann::json({64, 16, 4}));
}

TEST(CliHelp, EverySubcommandDocumentsItsFlags) {
  TempDir dir;
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"train", {"--data", "--test-data", "--dims", "--lr", "--epochs", "--batch", "--out",
                 "--config", "--resume", "--code-activation", "--val-split", "--seed", "--threads"}},
      {"encode", {"--model", "--input", "--output"}},
      {"decode", {"--model", "--input", "--output"}},
      {"reconstruct", {"--model", "--input", "--output"}},
      {"eval", {"--model", "--data", "--json"}},
      {"info", {"--model", "--json"}},
      {"filters", {"--model", "--output", "--count", "--columns", "--shape", "--layer", "--scale"}},
      {"probe", {"--model", "--train", "--test", "--features", "--penalty", "--max-iterations",
                 "--json"}},
  };
  for (const auto& [command, flags] : expected) {
    const auto r = run_aekit(command + " --help", dir);
    EXPECT_EQ(r.exit_code, 0) << command << ": " << r.out << r.err;
    for (const auto& flag : flags) EXPECT_TRUE(contains(r.out, flag)) << command << " --help lacks " << flag;
  }
  const auto top = run_aekit("--help", dir);
  EXPECT_EQ(top.exit_code, 0);
  for (const auto& [command, flags] : expected) EXPECT_TRUE(contains(top.out, command)) << command;
}

class CliConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", manifold_data(200, 32, 3));
  }
  std::string data_spec() const { return "npy:" + (dir_ / "x.npy").string(); }
  TempDir dir_;
};

TEST_F(CliConfig, ConfigFileIsUsedAndFlagsOverrideIt) {
  const fs::path run = dir_ / "run";
  write_file(dir_ / "cfg.toml",
                   "data = \"" + data_spec() + "\"\n"
                   "test_data = \"none\"\n"
                   "dims = [32, 8, 3]\n"
                   "epochs = 3\n"
                   "lr = 0.005\n"
                   "batch = 50\n"
                   "activation = \"tanh\"\n"
                   "out = \"" + run.string() + "\"\n");
  const auto r = run_aekit("train --config " + (dir_ / "cfg.toml").string() + " --lr 0.002 --threads 1", dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string resolved = read_file(run / "config.toml");
  EXPECT_TRUE(contains(resolved, "lr = 0.002\n")) << resolved;       // the flag wins
  EXPECT_TRUE(contains(resolved, "epochs = 3\n")) << resolved;       // from the file
  EXPECT_TRUE(contains(resolved, "batch = 50\n")) << resolved;
  EXPECT_TRUE(contains(resolved, "dims = [32, 8, 3]\n")) << resolved;
  EXPECT_TRUE(contains(resolved, "activation = \"tanh\"\n")) << resolved;
  EXPECT_TRUE(contains(resolved, "code_activation = \"tanh\"\n")) << resolved;  // follows activation
  EXPECT_TRUE(contains(resolved, "test_data = \"none\"\n")) << resolved;
  EXPECT_EQ(lines_of(read_file(run / "metrics.jsonl")).size(), 3u);
  for (const auto& line : lines_of(read_file(run / "metrics.jsonl")))
    EXPECT_DOUBLE_EQ(nlohmann::json::parse(line).at("lr").get<double>(), 0.002);
  // No test set: summary says so with nulls, and the model is still written.
  const auto summary = nlohmann::json::parse(read_file(run / "summary.json"));
  EXPECT_TRUE(summary.at("test_mse").is_null());
  EXPECT_TRUE(fs::is_regular_file(run / "model.aek"));
}

TEST_F(CliConfig, ResolvedConfigReproducesTheRun) {
  // The run's own config.toml, fed back with --config and a new --out, gives the same model.
  const std::string common = " --data " + data_spec() +
                             " --test-data none --dims 32,8,3 --epochs 2 --batch 40 --threads 1";
  auto r = run_aekit("train" + common + " --out " + (dir_ / "a").string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_aekit("train --config " + (dir_ / "a" / "config.toml").string() + " --out " +
                (dir_ / "b").string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto header_a = nlohmann::json::parse(run_aekit("info --json " + (dir_ / "a" / "model.aek").string(), dir_).out);
  EXPECT_EQ(header_a.at("model").at("dims"), nlohmann::json({32, 8, 3}));
  // Same bytes apart from the recorded config/out and timings: compare the metrics' losses.
  const auto ma = lines_of(read_file(dir_ / "a" / "metrics.jsonl"));
  const auto mb = lines_of(read_file(dir_ / "b" / "metrics.jsonl"));
  ASSERT_EQ(ma.size(), 2u);
  ASSERT_EQ(mb.size(), 2u);
  for (std::size_t i = 0; i < ma.size(); ++i)
    EXPECT_EQ(nlohmann::json::parse(ma[i]).at("train_loss"), nlohmann::json::parse(mb[i]).at("train_loss"));
}

TEST_F(CliConfig, UnknownKeyIsAUsageErrorListingTheValidOnes) {
  write_file(dir_ / "cfg.toml", "data = \"" + data_spec() + "\"\nlearning_rate = 0.1\n");
  const auto r = run_aekit("train --config " + (dir_ / "cfg.toml").string() + " --out " +
                           (dir_ / "run").string(), dir_);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.rfind("aekit: ", 0), 0u) << r.err;
  EXPECT_TRUE(contains(r.err, "learning_rate")) << r.err;
  EXPECT_TRUE(contains(r.err, "valid options are")) << r.err;
  EXPECT_TRUE(contains(r.err, "lr")) << r.err;
  EXPECT_TRUE(contains(r.err, "cfg.toml")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "run"));
}

TEST_F(CliConfig, MalformedTomlNamesTheLine) {
  write_file(dir_ / "cfg.toml", "epochs = 3\nlr = = 0.1\n");
  const auto r = run_aekit("train --config " + (dir_ / "cfg.toml").string(), dir_);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.rfind("aekit: ", 0), 0u) << r.err;
  EXPECT_TRUE(contains(r.err, "line 2")) << r.err;
}

}  // namespace
}  // namespace aekit::test
