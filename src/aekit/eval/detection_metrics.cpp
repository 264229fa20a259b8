#include "aekit/eval/detection_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "aekit/error.hpp"

namespace aekit::eval {
namespace {

void check_numbers(std::span<const double> scores) {
  for (std::size_t i = 0; i < scores.size(); ++i)
    if (std::isnan(scores[i])) throw Error(fmt::format("anomaly metrics: expected scores that are numbers, found NaN at row {}", i));
}

// Error unless both sets are non-empty and every score is a number.
void check_scores(std::span<const double> inliers, std::span<const double> outliers) {
  if (inliers.empty() || outliers.empty())
    throw UsageError(fmt::format("anomaly metrics: expected inlier and outlier scores, found {} inliers and {} outliers",
                                 inliers.size(), outliers.size()));
  check_numbers(inliers);
  check_numbers(outliers);
}

// (score, is_outlier) for every row, highest score first.
std::vector<std::pair<double, bool>> ranked(std::span<const double> inliers, std::span<const double> outliers) {
  std::vector<std::pair<double, bool>> rows;
  rows.reserve(inliers.size() + outliers.size());
  for (double s : inliers) rows.emplace_back(s, false);
  for (double s : outliers) rows.emplace_back(s, true);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  return rows;
}

}  // namespace

double auroc(std::span<const double> inlier_scores, std::span<const double> outlier_scores) {
  check_scores(inlier_scores, outlier_scores);
  const auto rows = ranked(inlier_scores, outlier_scores);
  // Walk groups of tied scores from the highest: each inlier in a group is beaten by every
  // outlier above the group and ties with half of the group's outliers.
  double wins = 0, outliers_above = 0;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t end = i;
    double group_outliers = 0, group_inliers = 0;
    for (; end < rows.size() && rows[end].first == rows[i].first; ++end) (rows[end].second ? group_outliers : group_inliers) += 1;
    wins += group_inliers * (outliers_above + 0.5 * group_outliers);
    outliers_above += group_outliers;
    i = end;
  }
  return wins / (double(inlier_scores.size()) * double(outlier_scores.size()));
}

double auprc(std::span<const double> inlier_scores, std::span<const double> outlier_scores) {
  check_scores(inlier_scores, outlier_scores);
  const auto rows = ranked(inlier_scores, outlier_scores);
  const double positives = double(outlier_scores.size());
  double true_positives = 0, flagged = 0, recall_before = 0, area = 0;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t end = i;
    for (; end < rows.size() && rows[end].first == rows[i].first; ++end) {
      true_positives += rows[end].second ? 1 : 0;
      flagged += 1;
    }
    const double recall = true_positives / positives;
    area += (recall - recall_before) * (true_positives / flagged);
    recall_before = recall;
    i = end;
  }
  return area;
}

double threshold_at_false_positive_rate(std::span<const double> inlier_scores, double fpr) {
  if (inlier_scores.empty()) throw UsageError("anomaly threshold: expected inlier scores, found none");
  if (!(fpr >= 0 && fpr < 1))
    throw UsageError(fmt::format("anomaly threshold: expected a false-positive rate in [0, 1), found {}", fpr));
  check_numbers(inlier_scores);
  std::vector<double> sorted(inlier_scores.begin(), inlier_scores.end());
  std::sort(sorted.begin(), sorted.end());
  // At most floor(fpr n) inliers may score above t: t is the score of the inlier at 0-based rank
  // n - 1 - floor(fpr n) from the lowest; rows strictly above it are flagged.
  const auto allowed = std::size_t(std::floor(fpr * double(sorted.size())));
  return sorted[sorted.size() - 1 - allowed];
}

}  // namespace aekit::eval
