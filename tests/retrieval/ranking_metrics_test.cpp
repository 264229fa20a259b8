// Retrieval metrics (retrieval/ranking_metrics.hpp) against hand-computed rankings, and their
// errors for a k outside the list and an impossible count of relevant items.
#include "aekit/retrieval/ranking_metrics.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::retrieval {
namespace {

const std::vector<int> kRanking{1, 0, 1, 1, 0};  // relevant to a query of label 1: ranks 1, 3, 4

TEST(RankingMetrics, PrecisionAndRecallAtK) {
  EXPECT_DOUBLE_EQ(precision_at(kRanking, 1, 1), 1.0);
  EXPECT_DOUBLE_EQ(precision_at(kRanking, 1, 2), 0.5);
  EXPECT_DOUBLE_EQ(precision_at(kRanking, 1, 4), 0.75);
  EXPECT_DOUBLE_EQ(precision_at(kRanking, 0, 5), 0.4);
  EXPECT_DOUBLE_EQ(recall_at(kRanking, 1, 3, 6), 2.0 / 6.0) << "3 more relevant items lie beyond the list";
}

TEST(RankingMetrics, AveragePrecisionOfHandComputedRankings) {
  EXPECT_DOUBLE_EQ(average_precision(kRanking, 1), (1.0 + 2.0 / 3.0 + 3.0 / 4.0) / 3.0);
  EXPECT_DOUBLE_EQ(average_precision(kRanking, 0), (1.0 / 2.0 + 2.0 / 5.0) / 2.0);
  EXPECT_DOUBLE_EQ(average_precision(std::vector<int>{2, 2, 0}, 2), 1.0) << "every relevant item first";
  EXPECT_DOUBLE_EQ(average_precision(kRanking, 7), 0.0) << "no relevant item";
}

TEST(RankingMetrics, RefuseAKOutsideTheListAndTooFewRelevantItems) {
  test::expect_error<UsageError>([] { precision_at(kRanking, 1, 0); }, {"k in 1..5", "found 0"});
  test::expect_error<UsageError>([] { precision_at(kRanking, 1, 6); }, {"k in 1..5", "found 6"});
  test::expect_error<UsageError>([] { recall_at(kRanking, 1, 4, 2); }, {"at least 3 relevant items", "found 2"});
}

}  // namespace
}  // namespace aekit::retrieval
