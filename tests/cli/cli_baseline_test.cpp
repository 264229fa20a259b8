// The baselines through the CLI: `aekit train --model pca | sparse_coding | psd` writes a run
// folder whose model every other command takes, and bad settings fail before anything is
// written.
#include <gtest/gtest.h>

#include <fstream>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/data/npy.hpp"
#include "support/cli_runner.hpp"
#include "support/folder_listing.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliBaseline : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", manifold_data(300, 16, 1));
    data::write_npy(dir_ / "t.npy", manifold_data(60, 16, 2));
  }
  std::string data_flags() const {
    return "--data npy:" + (dir_ / "x.npy").string() + " --test-data npy:" +
           (dir_ / "t.npy").string() + " --threads 1";
  }
  CliResult train(const std::string& flags, const std::string& out) {
    return run_aekit("train " + data_flags() + " " + flags + " --out " + (dir_ / out).string(), dir_);
  }
  nlohmann::json summary(const std::string& run) const {
    return nlohmann::json::parse(read_file(dir_ / run / "summary.json"));
  }
  TempDir dir_;
};

TEST_F(CliBaseline, PcaRunIsItsOwnPcaBaselineAndFeedsEveryCommand) {
  const auto r = train("--model pca --code 4", "pca");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* name : {"model.aek", "config.toml", "summary.json", "report.html",
                           "reconstructions.png", "filters.png", "explained_variance.svg"})
    EXPECT_TRUE(fs::exists(dir_ / "pca" / name)) << name;
  const auto s = summary("pca");
  // PCA is not compared with itself: one test MSE, no second PCA fitted beside it.
  EXPECT_TRUE(s["test_mse"].is_number());
  EXPECT_TRUE(s["pca_test_mse"].is_null()) << s;
  EXPECT_EQ(r.out.find("PCA with the same code size"), std::string::npos) << r.out;
  EXPECT_EQ(s["outcome"], "fitted");
  // A one-shot fit has no optimizer, schedule, epochs or minibatches: its settings and report
  // do not list them, and setting one is refused.
  const std::string config = read_file(dir_ / "pca" / "config.toml");
  for (const char* key : {"optimizer", "lr =", "epochs", "batch", "patience"})
    EXPECT_FALSE(contains(config, key)) << key << " in\n" << config;
  EXPECT_TRUE(contains(config, "seed = ")) << config;
  EXPECT_FALSE(contains(read_file(dir_ / "pca" / "report.html"), "optimizer")) << "MLP-only settings in a PCA report";
  expect_failure(train("--model pca --code 4 --epochs 5", "pca-epochs"), 2,
                 {"epochs = 5 applies to models mlp, conv, classifier, vae, sparse_coding, psd, rbm, stack, gan, dcgan, codec, not to model pca"});

  const std::string model = (dir_ / "pca" / "model.aek").string();
  const auto info = run_aekit("info " + model, dir_);
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_TRUE(contains(info.out, "(pca)")) << info.out;
  EXPECT_TRUE(contains(info.out, "pca 16 -> 4 components (exact)")) << info.out;
  EXPECT_TRUE(contains(info.out, "state        80 values")) << info.out;  // mean 16 + components 4 x 16

  const std::string test = "npy:" + (dir_ / "t.npy").string();
  ASSERT_EQ(run_aekit("encode -m " + model + " -i " + test + " -o " + (dir_ / "codes.npy").string(), dir_).exit_code, 0);
  EXPECT_EQ(data::read_npy(dir_ / "codes.npy").x.cols(), 4);
  ASSERT_EQ(run_aekit("decode -m " + model + " -i npy:" + (dir_ / "codes.npy").string() + " -o " + (dir_ / "back.npy").string(), dir_).exit_code, 0);
  ASSERT_EQ(run_aekit("reconstruct -m " + model + " -i " + test + " -o " + (dir_ / "rec.npy").string(), dir_).exit_code, 0);
  EXPECT_TRUE(data::read_npy(dir_ / "back.npy").x.isApprox(data::read_npy(dir_ / "rec.npy").x, 1e-5f));
  const auto eval = run_aekit("eval --json -m " + model + " -d " + test, dir_);
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  const auto metrics = nlohmann::json::parse(eval.out);
  EXPECT_NEAR(metrics["mse"].get<double>(), s["test_mse"].get<double>(), 1e-6);
  EXPECT_TRUE(metrics["jacobian_fro"].is_null());
}

TEST_F(CliBaseline, SparseCodingAndPsdTrainAndEncode) {
  for (const std::string kind : {"sparse_coding", "psd"}) {
    const auto r = train("--model " + kind + " --code 24 --alpha 0.05 --epochs 30 --batch 16 "
                         "--lr 0.05 --scaling standardize", kind);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    const auto s = summary(kind);
    // Both are trained by the loop: one line of metrics per epoch (early stopping may end
    // the run before epoch 30), and a checkpoint.
    EXPECT_TRUE(fs::exists(dir_ / kind / "checkpoint.aek")) << kind;
    std::ifstream metrics(dir_ / kind / "metrics.jsonl");
    std::vector<double> objective;
    const std::string loss = kind == "psd" ? "train_loss" : "train_objective";
    for (std::string line; std::getline(metrics, line);)
      objective.push_back(nlohmann::json::parse(line).at(loss).get<double>());
    EXPECT_EQ(int(objective.size()), s["epochs_done"].get<int>()) << kind;
    ASSERT_GE(objective.size(), 5u) << kind;
    // PSD's fast encoder starts far from the codes; dictionary learning is near its end after
    // the first epoch.
    EXPECT_LT(objective.back(), (kind == "psd" ? 0.5 : 1.0) * objective.front()) << kind;
    // Standardized data: an MSE of 1 is the mean's; both keep over 90% of the variance.
    EXPECT_LT(s["test_mse"].get<double>(), 0.1) << kind;
    const std::string model = (dir_ / kind / "model.aek").string();
    const auto encoded = run_aekit("encode -m " + model + " -i npy:" + (dir_ / "t.npy").string() +
                                   " -o " + (dir_ / (kind + ".npy")).string(), dir_);
    ASSERT_EQ(encoded.exit_code, 0) << encoded.err;
    const FloatMatrix codes = data::read_npy(dir_ / (kind + ".npy")).x;
    EXPECT_EQ(codes.rows(), 60);
    EXPECT_EQ(codes.cols(), 24);
    if (kind == "sparse_coding") EXPECT_GT((codes.array() == 0).count(), 0);  // the LASSO zeros some
    EXPECT_TRUE(fs::exists(dir_ / kind / "filters.png")) << kind;
    EXPECT_TRUE(fs::exists(dir_ / kind / "loss.svg")) << kind;
  }
}

// The folder's files, without the captured output of the commands (.stdout, .stderr).
std::vector<std::string> user_files(const fs::path& folder) {
  auto names = folder_listing(folder);
  std::erase_if(names, [](const std::string& name) { return name.starts_with("."); });
  return names;
}

TEST_F(CliBaseline, ImpossibleSettingsFailBeforeAnythingIsWritten) {
  const auto before = user_files(dir_.path());
  expect_failure(train("--model pca --code 17", "a"), 2,
                 {"components must be <= min(samples, features) = 16, found 17"});
  expect_failure(train("--model sparse_coding --alpha -1", "b"), 2, {"alpha must be >= 0, found -1"});
  expect_failure(train("--model psd --l1 0.1", "c"), 2,
                 {"l1 = 0.1 applies to models mlp, conv, not to model psd"});
  expect_failure(train("--model sparse_coding --code 400 --batch 0", "d"), 2, {"400"});
  expect_failure(run_aekit("train --resume " + data_flags() + " --model pca --out " +
                               (dir_ / "e").string(), dir_),
                 2, {"--resume continues a run of the training loop; model pca is fitted in one go"});
  EXPECT_EQ(user_files(dir_.path()), before);
}

}  // namespace
}  // namespace aekit::test
