// Anomaly evaluation (app/anomaly_evaluation.hpp): separated scores give AUROC 1 and a threshold
// that flags every outlier; the threshold keeps the inliers above it within the asked rate; a
// labelled set splits by class, and the folder holds anomaly.json and histogram.svg; every bad
// request is refused with its own message and writes nothing.
#include "aekit/app/anomaly_evaluation.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "aekit/error.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::app {
namespace {

namespace fs = std::filesystem;

ScoredSets evaluation_sets(std::vector<double> inliers, std::vector<double> outliers) {
  return {"mse", std::move(inliers), std::move(outliers), "in", "out", {}};
}

TEST(AnomalyEvaluation, SeparatedScoresGiveAurocOneAndAThresholdThatFlagsEveryOutlier) {
  std::vector<double> inliers, outliers;
  for (int i = 0; i < 100; ++i) inliers.push_back(i * 0.01);  // 0 .. 0.99
  for (int i = 0; i < 20; ++i) outliers.push_back(2 + i);
  const auto e = measure_anomalies(evaluation_sets(inliers, outliers), 0.05);
  EXPECT_DOUBLE_EQ(e.auroc, 1);
  EXPECT_DOUBLE_EQ(e.auprc, 1);
  EXPECT_DOUBLE_EQ(e.threshold, 0.94);  // 5 of the 100 inliers (0.95 .. 0.99) above it
  EXPECT_DOUBLE_EQ(e.inlier_fpr, 0.05);
  EXPECT_DOUBLE_EQ(e.tpr, 1);
  EXPECT_EQ(anomaly_summary(evaluation_sets(inliers, outliers), e),
            "mse: AUROC 1.0000, AUPRC 1.0000 (100 inliers, 20 outliers); threshold 0.94 at FPR 0.05 flags "
            "100.0% of the outliers");
}

TEST(AnomalyEvaluation, OverlappingScoresFlagOnlyTheOutliersAboveTheThreshold) {
  const auto e = measure_anomalies(evaluation_sets({1, 2, 3, 4}, {2.5, 3.5, 4.5, 5}), 0.25);
  EXPECT_DOUBLE_EQ(e.threshold, 3);  // one inlier of four (4) above it
  EXPECT_DOUBLE_EQ(e.inlier_fpr, 0.25);
  EXPECT_DOUBLE_EQ(e.tpr, 0.75);
  EXPECT_DOUBLE_EQ(e.auroc, (2 + 3 + 4 + 4) / 16.0);  // pairs with the outlier above the inlier
}

TEST(AnomalyEvaluation, TheFalsePositiveRateMustLieStrictlyBetweenZeroAndOne) {
  for (const double fpr : {0.0, 1.0, -0.1, 1.5, std::nan("")})
    test::expect_error<UsageError>([&] { check_false_positive_rate(fpr); },
                                   {"--fpr", "between 0 and 1 (both excluded)"});
  test::expect_error<UsageError>([&] { measure_anomalies(evaluation_sets({1}, {2}), 1); }, {"--fpr"});
}

TEST(AnomalyEvaluation, WritesTheJsonAndTheHistogramIntoANewFolder) {
  test::TempDir dir;
  const fs::path folder = dir / "a" / "b";
  const auto e = write_anomaly_evaluation(evaluation_sets({1, 2, 3, 4}, {2.5, 3.5, 4.5, 5}), 0.25, folder,
                                          {{"model", "m.aek"}});
  const auto json = nlohmann::json::parse(test::read_file(folder / "anomaly.json"));
  EXPECT_EQ(json["model"], "m.aek");
  EXPECT_EQ(json["score"], "mse");
  EXPECT_EQ(json["inliers"]["rows"], 4);
  EXPECT_EQ(json["outliers"]["data"], "out");
  EXPECT_DOUBLE_EQ(json["auroc"].get<double>(), e.auroc);
  EXPECT_DOUBLE_EQ(json["threshold"].get<double>(), 3);
  EXPECT_DOUBLE_EQ(json["tpr"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(json["fpr"].get<double>(), 0.25);
  EXPECT_FALSE(json.contains("outlier_classes"));
  const std::string svg = test::read_file(folder / "histogram.svg");
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("inliers (4)"), std::string::npos);
  EXPECT_NE(svg.find("threshold (FPR 0.25)"), std::string::npos);
}

TEST(AnomalyEvaluation, AFailedMeasurementLeavesNoFolder) {
  test::TempDir dir;
  const fs::path folder = dir / "new";
  EXPECT_THROW(write_anomaly_evaluation(evaluation_sets({1, std::nan("")}, {2}), 0.1, folder, {}), Error);
  EXPECT_FALSE(fs::exists(folder));
}

// A labelled set: a linear autoencoder scores the rows, classes 2 are the outliers.
class LabelledAnomalies : public ::testing::Test {
 protected:
  void SetUp() override {
    models::AutoencoderConfig c;
    c.dims = {5, 2};
    c.hidden = Activation::identity;
    c.output = Activation::identity;
    auto model = std::make_unique<models::Autoencoder>(c);
    Rng rng(1);
    model->initialize(rng);
    saved_.model = std::move(model);
    saved_.input_shape = {1, 1, 5};
    data_.x = test::uniform_data(30, 5, 2);
    for (int n = 0; n < 30; ++n) data_.labels.push_back(n % 3);
    data_.shape = {1, 1, 5};
    data_.name = "set.npy";
  }
  store::SavedModel saved_;
  data::Dataset data_;
};

TEST_F(LabelledAnomalies, RowsOfTheOutlierClassesAreTheOutliersWithTheirScores) {
  const std::vector<double> all = anomaly_scores(saved_, data_, "mse", {});
  const ScoredSets sets = score_labelled_set(saved_, data_, {2}, "mse", {});
  ASSERT_EQ(sets.inliers.size(), 20u);
  ASSERT_EQ(sets.outliers.size(), 10u);
  EXPECT_EQ(sets.outliers[3], all[11]);  // the 4th row of class 2
  EXPECT_EQ(sets.inliers[3], all[4]);    // rows 0, 1, 3, 4, ...
  EXPECT_EQ(sets.outlier_classes, std::vector<int>{2});
}

TEST_F(LabelledAnomalies, RefusesAbsentClassesNoInliersAndUnlabelledData) {
  test::expect_error<UsageError>([&] { score_labelled_set(saved_, data_, {2, 7}, "mse", {}); },
                                 {"outlier class 7 is not in data 'set.npy'", "its classes are 0, 1, 2"});
  test::expect_error<UsageError>([&] { score_labelled_set(saved_, data_, {0, 1, 2}, "mse", {}); },
                                 {"every row of data 'set.npy' is in an outlier class", "no inliers left"});
  data_.labels.clear();
  test::expect_error<UsageError>([&] { score_labelled_set(saved_, data_, {2}, "mse", {}); },
                                 {"data 'set.npy' has no labels", "--outlier-classes"});
}

}  // namespace
}  // namespace aekit::app
