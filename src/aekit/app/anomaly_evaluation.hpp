#pragma once
// `aekit anomaly-eval`: how well a model's anomaly score (anomaly_scores.hpp) tells outliers
// (positives) from inliers, with eval/detection_metrics.hpp: AUROC, AUPRC, and the threshold
// at a chosen false-positive rate on the inliers with the share of outliers it flags (TPR).
// The sets are two data sets, or one labelled set split by class (rows of the outlier classes
// against the others). Every row's score is the one `aekit score` gives for its data set.
// Written to the output folder (created if missing, removed again if the command fails before
// writing; each file atomically, once everything is computed):
//   anomaly.json    {"model", "score", "samples" (likelihood scores), "seed", "inliers":
//                    {"data", "rows"}, "outliers": {"data", "rows"}, "outlier_classes" (a
//                    labelled set), "auroc", "auprc", "fpr" (asked), "threshold", "tpr" (outliers
//                    above it), "inlier_fpr" (inliers above it)}
//   histogram.svg   both sets' scores on the same bins, as shares of their rows, and the
//                   threshold as a dashed line
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aekit/app/anomaly_scores.hpp"

namespace aekit::app {

// Scores of the two sets, and what they came from.
struct ScoredSets {
  std::string score;
  std::vector<double> inliers, outliers;
  std::string inlier_data, outlier_data;  // names of the data sets
  std::vector<int> outlier_classes;       // a labelled set's, else empty
};

// Scores inliers and outliers, each its own data set.
ScoredSets score_sets(store::SavedModel& saved, const data::Dataset& inliers, const data::Dataset& outliers,
                      const std::string& score, const ScoreRequest& request);

// Scores a labelled set and splits it: rows of `outlier_classes` are the outliers, the others
// the inliers. UsageError for data without labels, no classes given, a class absent from the
// data ("outlier class 12 is not in data 'x.npy': its classes are 0, 1, 2"), or no row left
// as an inlier.
ScoredSets score_labelled_set(store::SavedModel& saved, const data::Dataset& data,
                              const std::vector<int>& outlier_classes, const std::string& score,
                              const ScoreRequest& request);

struct AnomalyEvaluation {
  double auroc = 0, auprc = 0;
  double fpr = 0;         // asked for
  double threshold = 0;   // rows scoring above it are flagged
  double tpr = 0;         // share of the outliers above the threshold
  double inlier_fpr = 0;  // share of the inliers above it (<= fpr)
};

// UsageError unless 0 < fpr < 1.
void check_false_positive_rate(double fpr);

AnomalyEvaluation measure_anomalies(const ScoredSets& sets, double fpr);

// Measures and writes anomaly.json and histogram.svg into `folder`; `json` are the extra
// fields of anomaly.json (model, samples, seed).
AnomalyEvaluation write_anomaly_evaluation(const ScoredSets& sets, double fpr, const std::filesystem::path& folder,
                                           nlohmann::json json);

// One line: "nll: AUROC 0.9871, AUPRC 0.9652 (1000 inliers, 300 outliers); threshold 95.1 at
// FPR 0.05 flags 91.3% of the outliers".
std::string anomaly_summary(const ScoredSets& sets, const AnomalyEvaluation& evaluation);

}  // namespace aekit::app
