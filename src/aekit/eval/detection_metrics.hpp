#pragma once
// How well an anomaly score separates outliers (positives) from inliers (negatives); a higher
// score means more anomalous.
//   AUROC = P(s_out > s_in) + 1/2 P(s_out = s_in)       (Mann-Whitney U / (n_in n_out))
//   AUPRC = sum_t (R_t - R_{t-1}) P_t                     (average precision: over the distinct
//           scores t, highest first, with precision P_t and recall R_t of the rule s >= t;
//           scikit-learn's average_precision_score, tied scores taken together)
// and the threshold a chosen false-positive rate gives on inliers: the smallest t such that at
// most fpr of the inliers score above t (rows scoring above t are flagged).
#include <span>

namespace aekit::eval {

double auroc(std::span<const double> inlier_scores, std::span<const double> outlier_scores);
double auprc(std::span<const double> inlier_scores, std::span<const double> outlier_scores);
double threshold_at_false_positive_rate(std::span<const double> inlier_scores, double fpr);

}  // namespace aekit::eval
