// Cross-check of the softmax probe against scikit-learn (tests/oracle/softmax_probe_oracle.py).
//
// The script writes labelled train and test features (each feature with its own offset and
// scale) and, for each penalty l, fits LogisticRegression(C = 1/l, multinomial, lbfgs) on
// the standardized features to convergence. Here the probe is fitted on the same data with
// the same penalty and must agree:
//   objective       |ours - theirs| <= 1e-3 theirs   (the probe's f at each solution)
//   test accuracy   within 1 percentage point
// If /usr/bin/python3 or scikit-learn is missing the test FAILS (it never skips), like the
// PyTorch oracle: install python3-sklearn (scripts/install-deps).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/data/labels.hpp"
#include "aekit/data/npy.hpp"
#include "aekit/eval/softmax_probe.hpp"
#include "support/test_support.hpp"

namespace aekit::eval {
namespace {

TEST(SoftmaxProbeOracle, ObjectiveAndTestAccuracyMatchScikitLearn) {
  test::TempDir dir;
  const std::string command = std::string(AEKIT_PYTHON) + " " + AEKIT_SOURCE_DIR +
                              "/tests/oracle/softmax_probe_oracle.py " + dir.path().string();
  const auto script = test::run_command(command);
  ASSERT_EQ(script.exit_code, 0)
      << "the scikit-learn oracle script failed; it needs /usr/bin/python3 with numpy and "
         "scikit-learn (Debian python3-sklearn, see scripts/install-deps)\ncommand: "
      << command << "\noutput:\n" << script.output;

  const FloatMatrix train_x = data::read_npy(dir / "train_x.npy").x;
  const FloatMatrix test_x = data::read_npy(dir / "test_x.npy").x;
  const std::vector<int> train_y = data::read_labels(dir / "train_y.npy");
  const std::vector<int> test_y = data::read_labels(dir / "test_y.npy");
  const auto results = nlohmann::json::parse(test::read_file(dir / "results.json"));
  ASSERT_FALSE(results.at("cases").empty());
  const int classes = *std::max_element(train_y.begin(), train_y.end()) + 1;
  for (const auto& c : results.at("cases")) {
    const double penalty = c.at("penalty").get<double>();
    const double objective = c.at("objective").get<double>();
    const double test_accuracy = c.at("test_accuracy").get<double>();
    const SoftmaxProbe probe = SoftmaxProbe::fit(train_x, train_y, classes, {.penalty = penalty});
    const double ours = probe.accuracy(test_x, test_y);
    EXPECT_NEAR(probe.training().value, objective, 1e-3 * objective) << "penalty " << penalty;
    EXPECT_NEAR(ours, test_accuracy, 0.01) << "penalty " << penalty;
    std::printf("[ oracle   ] penalty %g: objective %.8f vs scikit-learn %.8f (relative %.1e); "
                "test accuracy %.2f%% vs %.2f%%; %d vs %d iterations\n",
                penalty, probe.training().value, objective,
                std::abs(probe.training().value - objective) / objective, 100 * ours,
                100 * test_accuracy, probe.training().iterations, c.at("iterations").get<int>());
  }
}

}  // namespace
}  // namespace aekit::eval
