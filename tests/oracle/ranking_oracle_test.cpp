// Cross-check of average precision against scikit-learn's average_precision_score
// (tests/oracle/ranking_oracle.py) on random rankings of 5 to 500 labelled items. If
// /usr/bin/python3 or scikit-learn is missing the test FAILS (it never skips): install
// python3-sklearn (scripts/install-deps).
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "aekit/retrieval/ranking_metrics.hpp"
#include "oracle/oracle_support.hpp"

namespace aekit::retrieval {
namespace {

TEST(RankingOracle, AveragePrecisionMatchesScikitLearn) {
  const auto& run = test::oracle_output("ranking_oracle.py");
  ASSERT_TRUE(run.ok) << test::oracle_failure(run);
  const nlohmann::json cases = test::oracle_cases(run.folder);
  ASSERT_GE(cases.size(), 6u);
  for (const auto& c : cases) {
    const auto labels = c.at("labels").get<std::vector<int>>();
    const double ours = average_precision(labels, c.at("query").get<int>());
    const double theirs = c.at("average_precision").get<double>();
    EXPECT_NEAR(ours, theirs, 1e-12) << labels.size() << " items";
    std::printf("[ oracle   ] %zu items: AP %.12f vs scikit-learn %.12f\n", labels.size(), ours, theirs);
  }
}

}  // namespace
}  // namespace aekit::retrieval
