// The model families of `aekit train` from a train::TrainConfig: each starts a run whose
// model has the configured code size, trained in one go or by the loop; settings that do not
// fit the data are refused before any work.
#include "aekit/app/family.hpp"

#include <gtest/gtest.h>

#include <sstream>

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

// Trains a family's run on x the way `aekit train` does (without files); returns the
// objective per iteration or epoch.
std::vector<double> train_run(FamilyRun& run, const train::TrainConfig& c, ConstMatrixRef x) {
  if (!run.step()) {
    std::ostringstream log;
    run.fit(x, log);
    return run.objective();
  }
  return train::train_all_rows(*run.step(), x, loop_settings(c));
}

TEST(Family, EachBaselineTrainsWithTheConfiguredCodeSize) {
  const Matrix x = test::manifold_data(120, 10, 3).cast<Scalar>();
  for (const auto& [kind, iterations] : {std::pair{"pca", 0u}, {"sparse_coding", 2u}, {"psd", 2u}}) {
    const train::TrainConfig c = baseline(kind, "6");
    const auto run = find_family(kind).start(c, {x, {}});
    EXPECT_EQ(run->step() == nullptr, std::string(kind) == "pca") << kind;
    EXPECT_EQ(train_run(*run, c, x).size(), iterations) << kind;
    EXPECT_EQ(run->model().kind(), kind);
    ASSERT_NE(run->model().encoder(), nullptr) << kind;
    EXPECT_EQ(run->model().encoder()->code_size(), 6);
    EXPECT_EQ(run->model().input_size(), 10);
  }
}

TEST(Family, SparseCodingWithBatchZeroIsTheBatchAlgorithmInOneGo) {
  train::TrainConfig c = baseline("sparse_coding", "6");
  c.set("batch", "0");
  const Matrix x = test::manifold_data(60, 10, 3).cast<Scalar>();
  const auto run = find_family("sparse_coding").start(c, {x, {}});
  EXPECT_EQ(run->step(), nullptr);
  EXPECT_EQ(train_run(*run, c, x).size(), 2u);
}

TEST(Family, UnknownModelNamesTheKnownOnes) {
  test::expect_error<UsageError>([] { find_family("boltzmann"); },
                                 {"model: expected one of mlp, conv, pca, sparse_coding, psd, rbm", "'boltzmann'"});
}

TEST(Family, SettingsThatDoNotFitTheDataAreRefused) {
  const auto check = [](const char* kind, const char* code, Index rows, Index features) {
    find_family(kind).check(baseline(kind, code), rows, features);
  };
  test::expect_error<UsageError>([&] { check("pca", "11", 100, 10); },
                                 {"components must be <= min(samples, features) = 10, found 11"});
  test::expect_error<UsageError>([&] { check("pca", "8", 5, 10); }, {"= 5, found 8"});
  test::expect_error<UsageError>([&] { check("psd", "50", 20, 10); }, {"50"});
  EXPECT_NO_THROW(check("sparse_coding", "20", 20, 10));  // overcomplete
}

}  // namespace
}  // namespace aekit::app
