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

// Rows of equal score, from the highest score down: how many inliers and outliers share each.
struct TiedGroup {
  double inliers = 0, outliers = 0;
};
std::vector<TiedGroup> tied_groups(std::span<const double> inliers, std::span<const double> outliers) {
  check_scores(inliers, outliers);
  std::vector<std::pair<double, bool>> rows;  // (score, is_outlier)
  rows.reserve(inliers.size() + outliers.size());
  for (double s : inliers) rows.emplace_back(s, false);
  for (double s : outliers) rows.emplace_back(s, true);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<TiedGroup> groups;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || rows[i].first != rows[i - 1].first) groups.emplace_back();
    (rows[i].second ? groups.back().outliers : groups.back().inliers) += 1;
  }
  return groups;
}

}  // namespace

double auroc(std::span<const double> inlier_scores, std::span<const double> outlier_scores) {
  // Each inlier is beaten by every outlier of a higher score and ties with half of its group's.
  double wins = 0, outliers_above = 0;
  for (const TiedGroup& group : tied_groups(inlier_scores, outlier_scores)) {
    wins += group.inliers * (outliers_above + 0.5 * group.outliers);
    outliers_above += group.outliers;
  }
  return wins / (double(inlier_scores.size()) * double(outlier_scores.size()));
}

double auprc(std::span<const double> inlier_scores, std::span<const double> outlier_scores) {
  const double positives = double(outlier_scores.size());
  double true_positives = 0, flagged = 0, recall_before = 0, area = 0;
  for (const TiedGroup& group : tied_groups(inlier_scores, outlier_scores)) {
    true_positives += group.outliers;
    flagged += group.inliers + group.outliers;
    const double recall = true_positives / positives;
    area += (recall - recall_before) * (true_positives / flagged);
    recall_before = recall;
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
