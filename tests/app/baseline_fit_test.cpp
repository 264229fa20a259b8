// Fitting the baselines from a train::TrainConfig: the kind, code size and objective trace follow the
// options, and settings that do not fit the data are refused before any work.
#include "aekit/app/baseline_fit.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/random_data.hpp"

namespace aekit::app {
namespace {

train::TrainConfig baseline(const std::string& kind, const std::string& code) {
  train::TrainConfig c = train::TrainConfig::defaults();
  c.set("model", kind);
  c.set("code", code);
  c.set("alpha", "0.05");
  c.set("epochs", "2");
  c.set("batch", "32");
  c.set("lr", "0.01");
  return c;
}

TEST(BaselineFit, EachKindFitsWithTheConfiguredCodeSize) {
  const Matrix x = test::manifold_data(120, 10, 3).cast<Scalar>();
  for (const std::string kind : {"pca", "sparse_coding", "psd"}) {
    const FittedBaseline fitted = fit_baseline(baseline(kind, "6"), x);
    EXPECT_EQ(fitted.model->kind(), kind);
    EXPECT_EQ(fitted.model->encoder()->code_size(), 6);
    EXPECT_EQ(fitted.model->input_size(), 10);
    EXPECT_EQ(fitted.objective.size(), kind == "pca" ? 0u : 2u) << kind;
    EXPECT_GE(fitted.seconds, 0);
  }
}

TEST(BaselineFit, SettingsThatDoNotFitTheDataAreRefused) {
  test::expect_error<UsageError>([] { check_baseline_fits(baseline("pca", "11"), 100, 10); },
                                 {"components must be <= min(samples, features) = 10, found 11"});
  test::expect_error<UsageError>([] { check_baseline_fits(baseline("pca", "8"), 5, 10); },
                                 {"= 5, found 8"});
  test::expect_error<UsageError>([] { check_baseline_fits(baseline("psd", "50"), 20, 10); },
                                 {"50"});
  EXPECT_NO_THROW(check_baseline_fits(baseline("sparse_coding", "20"), 20, 10));  // overcomplete
}

}  // namespace
}  // namespace aekit::app
