// Cross-check of AUROC and AUPRC against scikit-learn's roc_auc_score and
// average_precision_score (tests/oracle/detection_oracle.py), with and without tied scores. If
// /usr/bin/python3 or scikit-learn is missing the test FAILS (it never skips): install
// python3-sklearn (scripts/install-deps).
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "aekit/eval/detection_metrics.hpp"
#include "oracle/oracle_support.hpp"

namespace aekit::eval {
namespace {

TEST(DetectionOracle, AurocAndAuprcMatchScikitLearn) {
  const auto& run = test::oracle_output("detection_oracle.py");
  ASSERT_TRUE(run.ok) << test::oracle_failure(run);
  const nlohmann::json cases = test::oracle_cases(run.folder);
  ASSERT_EQ(cases.size(), 6u);
  for (const auto& c : cases) {
    const auto inliers = c.at("inliers").get<std::vector<double>>();
    const auto outliers = c.at("outliers").get<std::vector<double>>();
    const double roc = auroc(inliers, outliers), pr = auprc(inliers, outliers);
    EXPECT_NEAR(roc, c.at("auroc").get<double>(), 1e-12);
    EXPECT_NEAR(pr, c.at("auprc").get<double>(), 1e-12);
    std::printf("[ oracle   ] AUROC %.12f vs scikit-learn %.12f, AUPRC %.12f vs %.12f\n", roc,
                c.at("auroc").get<double>(), pr, c.at("auprc").get<double>());
  }
}

}  // namespace
}  // namespace aekit::eval
