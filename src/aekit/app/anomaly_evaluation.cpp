#include "aekit/app/anomaly_evaluation.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "aekit/error.hpp"
#include "aekit/eval/detection_metrics.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/io/output_folder.hpp"
#include "aekit/report/histogram_svg.hpp"

namespace aekit::app {
namespace {

double share_above(const std::vector<double>& scores, double threshold) {
  const auto above = std::count_if(scores.begin(), scores.end(), [&](double s) { return s > threshold; });
  return scores.empty() ? 0 : double(above) / double(scores.size());
}

}  // namespace

ScoredSets score_sets(store::SavedModel& saved, const data::Dataset& inliers, const data::Dataset& outliers,
                      const std::string& score, const ScoreRequest& request) {
  return {score, anomaly_scores(saved, inliers, score, request), anomaly_scores(saved, outliers, score, request),
          inliers.name, outliers.name, {}};
}

ScoredSets score_labelled_set(store::SavedModel& saved, const data::Dataset& data,
                              const std::vector<int>& outlier_classes, const std::string& score,
                              const ScoreRequest& request) {
  if (data.labels.empty())
    throw UsageError(fmt::format("data '{}' has no labels: --outlier-classes needs labelled rows (add "
                                 "?labels=FILE or ?label_column=K to the data spec)", data.name));
  if (outlier_classes.empty()) throw UsageError("--outlier-classes: expected at least one class, found none");
  const std::set<int> present(data.labels.begin(), data.labels.end());
  for (const int c : outlier_classes)
    if (!present.count(c))
      throw UsageError(fmt::format("outlier class {} is not in data '{}': its classes are {}", c, data.name,
                                   fmt::join(present, ", ")));
  const std::set<int> outlier(outlier_classes.begin(), outlier_classes.end());
  if (std::all_of(present.begin(), present.end(), [&](int c) { return outlier.count(c) > 0; }))
    throw UsageError(fmt::format("every row of data '{}' is in an outlier class ({}): no inliers left", data.name,
                                 fmt::join(outlier, ", ")));
  const std::vector<double> scores = anomaly_scores(saved, data, score, request);
  ScoredSets sets{score, {}, {}, data.name, data.name, {outlier.begin(), outlier.end()}};
  for (std::size_t n = 0; n < scores.size(); ++n)
    (outlier.count(data.labels[n]) ? sets.outliers : sets.inliers).push_back(scores[n]);
  return sets;
}

void check_false_positive_rate(double fpr) {
  if (!(fpr > 0 && fpr < 1))
    throw UsageError(fmt::format("--fpr: expected a false-positive rate between 0 and 1 (both excluded), found {}", fpr));
}

AnomalyEvaluation measure_anomalies(const ScoredSets& sets, double fpr) {
  check_false_positive_rate(fpr);
  AnomalyEvaluation e;
  e.auroc = eval::auroc(sets.inliers, sets.outliers);
  e.auprc = eval::auprc(sets.inliers, sets.outliers);
  e.fpr = fpr;
  e.threshold = eval::threshold_at_false_positive_rate(sets.inliers, fpr);
  e.tpr = share_above(sets.outliers, e.threshold);
  e.inlier_fpr = share_above(sets.inliers, e.threshold);
  return e;
}

AnomalyEvaluation write_anomaly_evaluation(const ScoredSets& sets, double fpr, const std::filesystem::path& folder,
                                           nlohmann::json json) {
  const AnomalyEvaluation e = measure_anomalies(sets, fpr);
  json.update({{"score", sets.score},
               {"inliers", {{"data", sets.inlier_data}, {"rows", sets.inliers.size()}}},
               {"outliers", {{"data", sets.outlier_data}, {"rows", sets.outliers.size()}}},
               {"auroc", e.auroc},
               {"auprc", e.auprc},
               {"fpr", e.fpr},
               {"threshold", e.threshold},
               {"tpr", e.tpr},
               {"inlier_fpr", e.inlier_fpr}});
  if (!sets.outlier_classes.empty()) json["outlier_classes"] = sets.outlier_classes;
  report::HistogramChart chart{fmt::format("{} of inliers and outliers (AUROC {:.4f})", sets.score, e.auroc),
                               sets.score,
                               {{fmt::format("inliers ({})", sets.inliers.size()), sets.inliers},
                                {fmt::format("outliers ({})", sets.outliers.size()), sets.outliers}},
                               40,
                               e.threshold,
                               fmt::format("threshold (FPR {:g})", fpr)};
  const std::string svg = report::histogram_svg(chart);
  io::CreatedFolders created(folder);
  try {
    io::atomic_write(folder / "histogram.svg", svg);
    io::atomic_write(folder / "anomaly.json", json.dump(2) + "\n");
  } catch (...) {
    created.remove_if_empty();
    throw;
  }
  return e;
}

std::string anomaly_summary(const ScoredSets& sets, const AnomalyEvaluation& e) {
  return fmt::format("{}: AUROC {:.4f}, AUPRC {:.4f} ({} inliers, {} outliers); threshold {:.6g} at FPR {:g} flags "
                     "{:.1f}% of the outliers",
                     sets.score, e.auroc, e.auprc, sets.inliers.size(), sets.outliers.size(), e.threshold, e.fpr,
                     100 * e.tpr);
}

}  // namespace aekit::app
