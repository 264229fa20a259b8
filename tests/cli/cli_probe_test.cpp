// aekit probe end to end: a model trained on labelled clusters, probed on its codes and on
// its scaled inputs, in text and JSON.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/data/npy.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

class CliProbe : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    write_clusters(dir_->path(), "train", 300, 1, 32);
    write_clusters(dir_->path(), "test", 150, 2, 32);
    const auto r = run_aekit("train --data " + spec("train") + " --test-data none --dims 32,8,3 "
                             "--epochs 3 --batch 30 --lr 0.01 --threads 1 --out " +
                                 (*dir_ / "run").string(), *dir_);
    trained_ = r.exit_code == 0;
    if (!trained_) std::fprintf(stderr, "%s%s", r.out.c_str(), r.err.c_str());
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override { ASSERT_TRUE(trained_); }

  // "npy:DIR/name.npy?labels=DIR/name_labels.npy"
  static std::string spec(const std::string& name) {
    return "npy:" + (*dir_ / (name + ".npy")).string() +
           "?labels=" + (*dir_ / (name + "_labels.npy")).string();
  }
  static CliResult probe(const std::string& extra) {
    return run_aekit("probe --model " + (*dir_ / "run" / "model.aek").string() + " --train " +
                         spec("train") + " --test " + spec("test") + " " + extra, *dir_);
  }
  static nlohmann::json probe_json(const std::string& extra) {
    const auto r = probe("--json " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return nlohmann::json::parse(r.out);
  }

  static TempDir* dir_;
  static bool trained_;
};
TempDir* CliProbe::dir_ = nullptr;
bool CliProbe::trained_ = false;

TEST_F(CliProbe, JsonReportsAccuracyOnCodesAndOnRawInputs) {
  const auto codes = probe_json("");
  for (const char* key : {"model", "train", "test", "features", "train_accuracy", "test_accuracy",
                          "n_train", "n_test", "iterations"})
    EXPECT_TRUE(codes.contains(key)) << key << " missing in " << codes.dump();
  EXPECT_EQ(codes.at("features"), "code");
  EXPECT_EQ(codes.at("n_train").get<int>(), 300);
  EXPECT_EQ(codes.at("n_test").get<int>(), 150);
  EXPECT_GT(codes.at("iterations").get<int>(), 0);
  EXPECT_TRUE(contains(codes.at("train").get<std::string>(), "train.npy"));
  for (const char* key : {"train_accuracy", "test_accuracy"}) {
    EXPECT_GT(codes.at(key).get<double>(), 0.5) << key;  // chance is 1/3
    EXPECT_LE(codes.at(key).get<double>(), 1.0) << key;
  }
  // The clusters are far apart in input space: the raw baseline separates them.
  const auto raw = probe_json("--features raw --penalty 10");
  EXPECT_EQ(raw.at("features"), "raw");
  EXPECT_EQ(raw.at("test_accuracy").get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(raw.at("penalty").get<double>(), 10.0);
}

TEST_F(CliProbe, TextSaysWhatWasProbedAndHowWell) {
  const auto r = probe("--max-iterations 5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* phrase : {"3 code features", "train.npy: 300 rows, accuracy",
                             "test.npy: 150 rows, accuracy", "5 iterations", "iteration limit"})
    EXPECT_TRUE(contains(r.out, phrase)) << "lacks \"" << phrase << "\":\n" << r.out;
  EXPECT_EQ(r.err, "");
}

TEST_F(CliProbe, BadPenaltyOrFeaturesAreUsageErrors) {
  auto r = probe("--penalty -1");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "aekit: the probe's penalty must be a number >= 0")) << r.err;
  r = probe("--features pixels");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "--features")) << r.err;
}

}  // namespace
}  // namespace aekit::test
