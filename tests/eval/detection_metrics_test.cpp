// Anomaly metrics (eval/detection_metrics.hpp) on hand-computed cases: a perfect and a reversed
// ranking, ties counted half, average precision by hand, the threshold for a false-positive
// rate; the errors for empty sets, NaN scores and an impossible rate.
#include "aekit/eval/detection_metrics.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::eval {
namespace {

using Scores = std::vector<double>;

TEST(DetectionMetrics, AurocCountsPairsAndHalfTheTies) {
  EXPECT_DOUBLE_EQ(auroc(Scores{0.1, 0.2}, Scores{0.5, 0.9}), 1.0);
  EXPECT_DOUBLE_EQ(auroc(Scores{0.5, 0.9}, Scores{0.1, 0.2}), 0.0);
  // Pairs (in, out): (1, 2) win, (1, 1) tie, (3, 2) loss, (3, 1) loss: (1 + 0.5) / 4.
  EXPECT_DOUBLE_EQ(auroc(Scores{1, 3}, Scores{2, 1}), 0.375);
  EXPECT_DOUBLE_EQ(auroc(Scores{4, 4}, Scores{4}), 0.5);
}

TEST(DetectionMetrics, AuprcOfHandComputedRankings) {
  // Highest first: out 0.9, in 0.8, out 0.7: precision 1 at recall 1/2, 2/3 at recall 1.
  EXPECT_DOUBLE_EQ(auprc(Scores{0.8}, Scores{0.9, 0.7}), 0.5 * 1.0 + 0.5 * 2.0 / 3.0);
  // One tied group of everything: precision 1/3 at recall 1.
  EXPECT_DOUBLE_EQ(auprc(Scores{1, 1}, Scores{1}), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(auprc(Scores{0.1, 0.2}, Scores{0.5, 0.9}), 1.0);
}

TEST(DetectionMetrics, ThresholdKeepsTheFalsePositiveRate) {
  const Scores inliers{5, 1, 4, 2, 3, 9, 7, 8, 6, 10};  // 1..10
  EXPECT_DOUBLE_EQ(threshold_at_false_positive_rate(inliers, 0.0), 10) << "no inlier above the highest";
  EXPECT_DOUBLE_EQ(threshold_at_false_positive_rate(inliers, 0.1), 9) << "one inlier (10) above";
  EXPECT_DOUBLE_EQ(threshold_at_false_positive_rate(inliers, 0.25), 8) << "two inliers above: 20% <= 25%";
}

TEST(DetectionMetrics, RefuseEmptySetsNanScoresAndImpossibleRates) {
  test::expect_error<UsageError>([] { auroc(Scores{}, Scores{1}); }, {"found 0 inliers and 1 outliers"});
  test::expect_error<UsageError>([] { auprc(Scores{1}, Scores{}); }, {"found 1 inliers and 0 outliers"});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  test::expect_error<Error>([&] { auroc(Scores{1}, Scores{2, nan}); }, {"found NaN at row 1"});
  test::expect_error<Error>([&] { threshold_at_false_positive_rate(Scores{nan}, 0.1); }, {"found NaN at row 0"});
  test::expect_error<UsageError>([] { threshold_at_false_positive_rate(Scores{1}, 1.0); }, {"in [0, 1)", "found 1"});
  test::expect_error<UsageError>([] { threshold_at_false_positive_rate(Scores{}, 0.1); }, {"found none"});
}

}  // namespace
}  // namespace aekit::eval
