// RBMs through the CLI: `aekit train --model rbm` writes a run folder whose model the other
// commands take (encode, decode, reconstruct, sample, eval, info, filters), --resume is
// bit-identical with persistent chains and a sparsity target, and bad settings fail with one
// line before anything is written.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/data/npy.hpp"
#include "aekit/store/saved_model.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliRbm : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", manifold_data(300, 16, 1));
    data::write_npy(dir_ / "t.npy", manifold_data(60, 16, 2));
  }
  CliResult train(const std::string& flags, const std::string& out) {
    return run_aekit("train --model rbm --code 8 --data npy:" + (dir_ / "x.npy").string() +
                         " --test-data npy:" + (dir_ / "t.npy").string() +
                         " --threads 1 --batch 20 --optimizer sgd --lr 0.1 --momentum 0.5 " + flags +
                         " --out " + (dir_ / out).string(),
                     dir_);
  }
  TempDir dir_;
};

TEST_F(CliRbm, TrainsAndFeedsEveryCommand) {
  const auto r = train("--epochs 4", "rbm");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* name : {"model.aek", "checkpoint.aek", "config.toml", "metrics.jsonl", "summary.json",
                           "report.html", "filters.png", "samples.png", "free_energy.svg"})
    EXPECT_TRUE(fs::exists(dir_ / "rbm" / name)) << name;
  const std::string config = read_file(dir_ / "rbm" / "config.toml");
  for (const char* key : {"[rbm]", "rbm_visible = \"bernoulli\"", "cd_steps = 1", "persistent = false"})
    EXPECT_TRUE(contains(config, key)) << key << " in\n" << config;
  const auto metrics = nlohmann::json::parse(read_file(dir_ / "rbm" / "metrics.jsonl").substr(0, read_file(dir_ / "rbm" / "metrics.jsonl").find('\n')));
  for (const char* key : {"train_reconstruction", "val_reconstruction", "val_free_energy",
                          "val_free_energy_gap", "val_pseudo_log_likelihood"})
    EXPECT_TRUE(metrics.contains(key)) << key << " in " << metrics;

  const std::string model = (dir_ / "rbm" / "model.aek").string(), test = "npy:" + (dir_ / "t.npy").string();
  const auto info = run_aekit("info " + model, dir_);
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_TRUE(contains(info.out, "rbm 16 bernoulli -> 8 bernoulli hidden units")) << info.out;
  ASSERT_EQ(run_aekit("encode -m " + model + " -i " + test + " -o " + (dir_ / "codes.npy").string(), dir_).exit_code, 0);
  const FloatMatrix codes = data::read_npy(dir_ / "codes.npy").x;
  EXPECT_EQ(codes.cols(), 8);
  EXPECT_GE(codes.minCoeff(), 0.f);  // hidden probabilities
  EXPECT_LE(codes.maxCoeff(), 1.f);
  ASSERT_EQ(run_aekit("decode -m " + model + " -i npy:" + (dir_ / "codes.npy").string() + " -o " + (dir_ / "back.npy").string(), dir_).exit_code, 0);
  ASSERT_EQ(run_aekit("reconstruct -m " + model + " -i " + test + " -o " + (dir_ / "rec.npy").string(), dir_).exit_code, 0);
  EXPECT_TRUE(data::read_npy(dir_ / "back.npy").x.isApprox(data::read_npy(dir_ / "rec.npy").x, 1e-5f));
  const auto sample = run_aekit("sample -m " + model + " -n 6 --seed 3 -o " + (dir_ / "s.npy").string(), dir_);
  ASSERT_EQ(sample.exit_code, 0) << sample.err;
  EXPECT_EQ(data::read_npy(dir_ / "s.npy").x.rows(), 6);
  const auto eval = run_aekit("eval --json -m " + model + " -d " + test, dir_);
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  const auto summary = nlohmann::json::parse(read_file(dir_ / "rbm" / "summary.json"));
  const auto eval_json = nlohmann::json::parse(eval.out);
  EXPECT_NEAR(eval_json["mse"].get<double>(), summary["test_mse"].get<double>(), 1e-6);
  EXPECT_NEAR(eval_json["squared_error_per_row"].get<double>(), 16 * eval_json["mse"].get<double>(), 1e-6);
  EXPECT_TRUE(contains(read_file(dir_ / "rbm" / "report.html"), "test squared error per row"));
  EXPECT_TRUE(contains(read_file(dir_ / "rbm" / "report.html"), "Mean free energy F(v) of the validation rows"));
}

TEST_F(CliRbm, ResumeIsBitIdenticalWithPersistentChainsAndASparsityTarget) {
  const std::string flags = "--persistent true --cd-steps 2 --sparsity-target 0.1 --patience 0";
  ASSERT_EQ(train(flags + " --epochs 4", "straight").exit_code, 0);
  ASSERT_EQ(train(flags + " --epochs 2", "resumed").exit_code, 0);
  const auto resumed = train(flags + " --epochs 4 --resume", "resumed");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  EXPECT_EQ(store::load_model(dir_ / "straight" / "model.aek").model->state(),
            store::load_model(dir_ / "resumed" / "model.aek").model->state())
      << "--resume is not bit-identical";
}

TEST_F(CliRbm, BadSettingsFailWithOneLineAndWriteNothing) {
  expect_failure(train("--rbm-visible gaussian", "a"), 2,
                 {"rbm_visible = gaussian", "expected scaling = standardize, found scaling = unit"});
  expect_failure(train("--scaling standardize", "b"), 2,
                 {"rbm_visible = bernoulli needs data in [0, 1]", "found values from"});
  expect_failure(train("--cd-steps 0", "c"), 2, {"cd_steps"});
  expect_failure(train("--sparsity-target 1.5", "d"), 2, {"sparsity_target"});
  expect_failure(train("--rbm-hidden binary", "e"), 2, {"rbm_hidden", "binary"});
  expect_failure(train("--l1 0.1", "f"), 2, {"l1 = 0.1 applies to models", "not to model rbm"});
  for (const char* out : {"a", "b", "c", "d", "e", "f"}) EXPECT_FALSE(fs::exists(dir_ / out)) << out;
}

}  // namespace
}  // namespace aekit::test
