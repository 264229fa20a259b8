// Anomaly detection through the CLI: `aekit score` writes one float32 score per row;
// `aekit anomaly-eval` tells off-manifold rows from a PCA's training manifold (AUROC near 1),
// from two sets or one labelled set, and --save-threshold stores a threshold that `score` then
// flags rows with, exactly the rows above it; every bad input fails with one line and writes
// nothing.
#include <gtest/gtest.h>

#include <cmath>
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

class CliAnomaly : public ::testing::Test {
 protected:
  void SetUp() override {
    data::write_npy(dir_ / "x.npy", manifold_data(300, 16, 1));
    const FloatMatrix inliers = manifold_data(60, 16, 2), outliers = uniform_data(40, 16, 3);
    data::write_npy(dir_ / "in.npy", inliers);
    data::write_npy(dir_ / "out.npy", outliers);
    FloatMatrix all(100, 16);
    all << inliers, outliers;
    data::write_npy(dir_ / "all.npy", all);
    std::vector<int> labels(100, 0);
    for (int n = 60; n < 100; ++n) labels[std::size_t(n)] = 1;
    data::write_npy_labels(dir_ / "labels.npy", labels);
    const auto r = run_aekit("train --model pca --code 4 --threads 1 --data npy:" + path("x.npy") + " --test-data npy:" +
                                 path("in.npy") + " --out " + path("pca"),
                             dir_);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    model_ = path("pca/model.aek");
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string labelled() const { return "npy:" + path("all.npy") + "?labels=" + path("labels.npy"); }
  CliResult eval(const std::string& flags, const std::string& out = "eval") {
    return run_aekit("anomaly-eval -m " + model_ + " " + flags + " -o " + path(out), dir_);
  }
  nlohmann::json result(const std::string& out = "eval") const {
    return nlohmann::json::parse(read_file(dir_ / out / "anomaly.json"));
  }
  TempDir dir_;
  std::string model_;
};

TEST_F(CliAnomaly, ScoresEvaluatesAndFlagsTheRowsAboveTheSavedThreshold) {
  const auto score = run_aekit("score npy:" + path("all.npy") + " -m " + model_ + " -o " + path("s.npy"), dir_);
  ASSERT_EQ(score.exit_code, 0) << score.err;
  EXPECT_TRUE(contains(score.err, "wrote 100 scores (mse)")) << score.err;
  const data::NpyArray scores = data::read_npy(dir_ / "s.npy");
  EXPECT_EQ(scores.dims, (std::vector<Index>{100}));

  const auto r = eval("--inliers npy:" + path("in.npy") + " --outliers npy:" + path("out.npy") + " --save-threshold");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "mse: AUROC ")) << r.out;
  EXPECT_TRUE(contains(r.out, "(60 inliers, 40 outliers)")) << r.out;
  EXPECT_TRUE(contains(r.out, "saved the threshold")) << r.out;
  const auto json = result();
  EXPECT_EQ(json["score"], "mse");
  EXPECT_GT(json["auroc"].get<double>(), 0.95) << json;
  EXPECT_GT(json["auprc"].get<double>(), 0.9) << json;
  EXPECT_EQ(json["fpr"], 0.05);
  EXPECT_LE(json["inlier_fpr"].get<double>(), 0.05);
  EXPECT_TRUE(fs::exists(dir_ / "eval" / "histogram.svg"));

  // The threshold is in the model file; `score` flags exactly the rows scoring above it.
  const auto saved = store::load_model(model_);
  ASSERT_TRUE(saved.anomaly_threshold);
  EXPECT_EQ(saved.anomaly_threshold->score, "mse");
  EXPECT_EQ(saved.anomaly_threshold->threshold, json["threshold"].get<double>());
  const auto flagged = run_aekit("score npy:" + path("all.npy") + " -m " + model_ + " -o " + path("s2.npy") +
                                     " --flags " + path("f.npy"),
                                 dir_);
  ASSERT_EQ(flagged.exit_code, 0) << flagged.err;
  const FloatMatrix again = data::read_npy(dir_ / "s2.npy").x, flags = data::read_npy(dir_ / "f.npy").x;
  EXPECT_EQ(again, scores.x);
  ASSERT_EQ(flags.rows(), 100);
  int count = 0;
  for (Index n = 0; n < 100; ++n) {
    EXPECT_EQ(flags(n, 0), double(again(n, 0)) > saved.anomaly_threshold->threshold ? 1.f : 0.f) << "row " << n;
    count += int(flags(n, 0));
  }
  EXPECT_TRUE(contains(flagged.out, "flagged " + std::to_string(count) + " of 100 rows")) << flagged.out;
  EXPECT_GT(count, 30);  // most of the 40 outliers

  // One labelled set split by class gives the same scores, so the same figures.
  const auto split = eval("--data " + labelled() + " --outlier-classes 1", "split");
  ASSERT_EQ(split.exit_code, 0) << split.err;
  EXPECT_EQ(result("split")["auroc"], json["auroc"]);
  EXPECT_EQ(result("split")["threshold"], json["threshold"]);
  EXPECT_EQ(result("split")["outlier_classes"], nlohmann::json::array({1}));
}

TEST_F(CliAnomaly, BadInputsFailWithOneLineAndWriteNothing) {
  const std::string two_sets = " --inliers npy:" + path("in.npy") + " --outliers npy:" + path("out.npy");
  expect_failure(run_aekit("score npy:" + path("in.npy") + " -m " + path("none.aek") + " -o " + path("s.npy"), dir_), 1,
                 {"none.aek"});
  data::write_npy(dir_ / "wide.npy", uniform_data(5, 10, 4));
  expect_failure(run_aekit("score npy:" + path("wide.npy") + " -m " + model_ + " -o " + path("s.npy"), dir_), 1,
                 {"expects 16 inputs per row", "has 10 columns"});
  FloatMatrix nan = uniform_data(5, 16, 5);
  nan(2, 3) = std::nanf("");
  data::write_npy(dir_ / "nan.npy", nan);
  expect_failure(run_aekit("score npy:" + path("nan.npy") + " -m " + model_ + " -o " + path("s.npy"), dir_), 1,
                 {"NaN at row 2, column 3"});
  expect_failure(run_aekit("score npy:" + path("in.npy") + " -m " + model_ + " -o " + path("s.npy") +
                               " --score free_energy", dir_),
                 2, {"score 'free_energy' does not apply to model", "(kind pca)", "its scores are mse"});
  expect_failure(run_aekit("score npy:" + path("in.npy") + " -m " + model_ + " -o " + path("s.npy") + " --flags " +
                               path("f.npy"), dir_),
                 2, {"--flags", "holds no anomaly threshold", "--save-threshold"});
  EXPECT_FALSE(fs::exists(dir_ / "s.npy"));
  EXPECT_FALSE(fs::exists(dir_ / "f.npy"));

  for (const char* fpr : {"0", "1", "1.5"})
    expect_failure(eval(two_sets + " --fpr " + fpr), 2, {"--fpr", "between 0 and 1 (both excluded)"});
  expect_failure(eval("--data " + labelled() + " --outlier-classes 5"), 2,
                 {"outlier class 5 is not in data", "its classes are 0, 1"});
  expect_failure(eval("--data " + labelled() + " --outlier-classes 0,1"), 2, {"no inliers left"});
  expect_failure(eval("--data npy:" + path("all.npy") + " --outlier-classes 1"), 2, {"has no labels"});
  expect_failure(eval("--data " + labelled() + " --outlier-classes 1" + two_sets), 2,
                 {"either --inliers and --outliers, or --data with --outlier-classes, not both"});
  expect_failure(eval("--inliers npy:" + path("in.npy")), 2, {"--inliers and --outliers go together"});
  expect_failure(eval("--data " + labelled()), 2, {"--data and --outlier-classes go together"});
  expect_failure(eval(""), 2, {"expected --inliers and --outliers, or --data with --outlier-classes"});
  expect_failure(eval(two_sets + " --score nll"), 2, {"score 'nll' does not apply"});
  expect_failure(eval("--inliers npy:" + path("nan.npy") + " --outliers npy:" + path("out.npy")), 1, {"NaN"});
  EXPECT_FALSE(fs::exists(dir_ / "eval"));
  EXPECT_FALSE(store::load_model(model_).anomaly_threshold);
}

}  // namespace
}  // namespace aekit::test
