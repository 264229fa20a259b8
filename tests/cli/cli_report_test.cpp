// aekit report and aekit compare end to end, on two small Fashion-MNIST runs that differ in
// their learning rate and epochs; and the final report.html of a run.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "support/cli_runner.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const std::string common = "train --data fashion-mnist:train?limit=600 --test-data "
                               "fashion-mnist:test?limit=200 --dims 784,32,8 --batch 50 --threads 1 ";
    const auto a = run_aekit(common + "--epochs 2 --out " + run("a"), *dir_);
    const auto b = run_aekit(common + "--epochs 3 --lr 0.003 --out " + run("b"), *dir_);
    trained_ = a.exit_code == 0 && b.exit_code == 0;
    if (!trained_) std::fprintf(stderr, "%s%s%s%s", a.out.c_str(), a.err.c_str(), b.out.c_str(), b.err.c_str());
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override { ASSERT_TRUE(trained_); }

  static std::string run(const std::string& name) { return (*dir_ / name).string(); }
  static nlohmann::json summary(const std::string& name) {
    return nlohmann::json::parse(read_file(*dir_ / name / "summary.json"));
  }

  static TempDir* dir_;
  static bool trained_;
};
TempDir* CliReport::dir_ = nullptr;
bool CliReport::trained_ = false;

TEST_F(CliReport, TheFinalReportIsAnAnalysisThatStandsAlone) {
  const std::string page = read_file(*dir_ / "a" / "report.html");
  EXPECT_FALSE(contains(page, "http-equiv=\"refresh\""));  // the in-progress page was replaced
  EXPECT_FALSE(contains(page, "in progress"));
  for (const char* heading : {"Model beside PCA", "Error by class", "Codes", "Linear probe", "Run"})
    EXPECT_TRUE(contains(page, std::string("<h2>") + heading + "</h2>")) << heading;
  EXPECT_TRUE(contains(page, "<td>Ankle boot</td>"));
  EXPECT_TRUE(contains(page, "PCA-8 test MSE"));
  EXPECT_GT(count_occurrences(page, "<img "), 4u);
  EXPECT_EQ(count_occurrences(page, "<img "), count_occurrences(page, "<img src=\"data:image/"));
  // The rows of "Error by class" weighted by their counts give the run's test MSE back.
  const std::regex class_row("<tr><td class=\"num\">\\d+</td><td>[^<]+</td><td class=\"num\">(\\d+)</td>"
                             "<td class=\"num\">([0-9.]+)</td></tr>");
  double squared = 0, rows = 0;
  int classes = 0;
  for (std::sregex_iterator it(page.begin(), page.end(), class_row), end; it != end; ++it, ++classes) {
    rows += std::stod((*it)[1]);
    squared += std::stod((*it)[1]) * std::stod((*it)[2]);
  }
  EXPECT_EQ(classes, 10);
  EXPECT_EQ(rows, 200);
  EXPECT_NEAR(squared / rows, summary("a").at("test_mse").get<double>(), 1e-5);
  const auto facts = summary("a").at("run");
  EXPECT_GT(facts.at("wall_seconds").get<double>(), 0);
  EXPECT_EQ(facts.at("threads").get<int>(), 1);
}

TEST_F(CliReport, AConvModelWhoseCodeExceedsTheInputIsNotComparedWithPca) {
  write_file(*dir_ / "conv.toml",
             "model = \"conv\"\n"
             "data = \"fashion-mnist:train?limit=1000\"\ntest_data = \"fashion-mnist:test?limit=100\"\n"
             "encoder_layers = [\"conv 2 3x3 pad=1 relu\"]\n"  // code [2, 28, 28]: 1568 > 784 values
             "decoder_layers = [\"conv 1 3x3 pad=1\"]\n"
             "epochs = 1\nbatch = 50\nthreads = 1\n");  // 900 training rows: the run fits PCA-784 for pca_test_mse
  const auto r = run_aekit("train --config " + run("conv.toml") + " --out " + run("conv"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string page = read_file(*dir_ / "conv" / "report.html");
  EXPECT_FALSE(contains(page, "Model beside PCA"));
  EXPECT_FALSE(fs::exists(*dir_ / "conv" / "pca_comparison.png"));
  EXPECT_FALSE(contains(page, "PCA-1568"));
  EXPECT_TRUE(contains(page, "<h2>Error by class</h2>"));  // the labels still count
  EXPECT_TRUE(contains(page, "<h2>Codes</h2>"));
}

TEST_F(CliReport, ARunWithNoRowsToShowHasNoReconstructionsSection) {
  // No test data and no validation rows: nothing to reconstruct for the page, and no section
  // that points at a missing figure.
  const auto r = run_aekit("train --data fashion-mnist:train?limit=300 --test-data none --val-split 0 "
                           "--dims 784,16 --epochs 1 --batch 50 --threads 1 --out " + run("bare"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_FALSE(contains(read_file(*dir_ / "bare" / "report.html"), "<h2>Reconstructions</h2>"));
  EXPECT_FALSE(fs::exists(*dir_ / "bare" / "reconstructions.png"));
}

TEST_F(CliReport, ReportRebuildsTheSamePage) {
  const fs::path folder = *dir_ / "a";
  const std::string original = read_file(folder / "report.html");
  for (const char* name : {"report.html", "pca_comparison.png", "codes.svg", "loss.svg"}) fs::remove(folder / name);
  const auto r = run_aekit("report " + run("a"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(folder / "report.html"), original);
  EXPECT_TRUE(fs::exists(folder / "pca_comparison.png"));
}

TEST_F(CliReport, ReportRefusesWhatIsNotAFinishedRun) {
  expect_failure(run_aekit("report " + run("missing"), *dir_), 2, {"run folder", "missing", "does not exist"});
  fs::create_directories(*dir_ / "unfinished");
  write_file(*dir_ / "unfinished" / "checkpoint.aek", "x");
  expect_failure(run_aekit("report " + run("unfinished"), *dir_), 2, {"unfinished", "has no model.aek"});
  fs::copy(*dir_ / "a", *dir_ / "damaged", fs::copy_options::recursive);
  write_file(*dir_ / "damaged" / "summary.json", "{\"test_mse\": ");
  expect_failure(run_aekit("report " + run("damaged"), *dir_), 1, {"summary.json", "is damaged", "expected JSON"});
  write_file(*dir_ / "damaged" / "summary.json", read_file(*dir_ / "a" / "summary.json"));
  write_file(*dir_ / "damaged" / "model.aek", "not a model");
  expect_failure(run_aekit("report " + run("damaged"), *dir_), 1, {"model.aek"});
}

TEST_F(CliReport, CompareListsTheSettingsThatDifferAndBothRunsMetrics) {
  const auto r = run_aekit("compare " + run("a") + " " + run("b") + " -o " + run("cmp.html"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = read_file(*dir_ / "cmp.html");
  const auto settings_begin = page.find("<h2>Settings that differ</h2>");
  const auto settings_end = page.find("<h2>Metrics</h2>");
  ASSERT_NE(settings_begin, std::string::npos);
  ASSERT_NE(settings_end, std::string::npos);
  const std::string settings = page.substr(settings_begin, settings_end - settings_begin);
  EXPECT_EQ(count_occurrences(settings, "<tr><td>"), 2u) << settings;  // exactly these two:
  EXPECT_TRUE(contains(settings, "<tr><td>training.lr</td><td class=\"num\">0.001</td><td class=\"num\">0.003</td></tr>"));
  EXPECT_TRUE(contains(settings, "<tr><td>training.epochs</td><td class=\"num\">2</td><td class=\"num\">3</td></tr>"));
  for (const char* run_name : {"a", "b"})
    EXPECT_TRUE(contains(page, fmt::format("{:.6g}", summary(run_name).at("test_mse").get<double>()))) << run_name;
  EXPECT_EQ(count_occurrences(page, "<svg"), 1u);  // the loss curves in one chart
  EXPECT_EQ(count_occurrences(page, "<polyline"), 2u);
}

TEST_F(CliReport, CompareRefusesTooFewRunsAndFoldersThatAreNotRuns) {
  expect_failure(run_aekit("compare " + run("a") + " -o " + run("one.html"), *dir_), 2, {"at least 2 run folders", "found 1"});
  fs::create_directories(*dir_ / "empty");
  expect_failure(run_aekit("compare " + run("a") + " " + run("empty") + " -o " + run("two.html"), *dir_), 2,
                 {"empty", "not a finished run folder", "summary.json"});
  expect_failure(run_aekit("compare " + run("a") + " " + run("nowhere") + " -o " + run("two.html"), *dir_), 2,
                 {"nowhere", "does not exist"});
  EXPECT_FALSE(fs::exists(*dir_ / "one.html"));
  EXPECT_FALSE(fs::exists(*dir_ / "two.html"));
}

}  // namespace
}  // namespace aekit::test
