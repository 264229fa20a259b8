// The run report on its own: the three files it writes and what the page shows.
#include "aekit/report/run_report.hpp"

#include <gtest/gtest.h>

#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::report {
namespace {

TEST(RunReport, WritesReconstructionsLossCurveAndPage) {
  test::TempDir dir;
  auto config = train::TrainConfig::defaults();
  config.set("dims", "16,4");
  models::Autoencoder model(config.model);
  Rng rng(1);
  model.initialize(rng);
  train::TrainerState state;
  for (int e = 1; e <= 3; ++e) state.history.push_back({e, 0.1 / e, 0.12 / e, 0.12 / e, 1e-3, 1, 100});
  const nlohmann::json results = {{"test_mse", 0.0123}, {"test_bce", 0.2}, {"pca_test_mse", 0.02},
                                  {"epochs_done", 3}, {"outcome", "completed"},
                                  {"samples_per_second", 100.0}};
  const FloatMatrix examples = test::uniform_data(12, 16, 3);
  const data::Scaling scaling;
  write_run_report(dir.path(), {config, state, results, model, scaling, {1, 4, 4}, examples});

  for (const char* name : {"reconstructions.png", "loss.svg", "report.html"})
    EXPECT_TRUE(std::filesystem::exists(dir / name)) << name;
  const std::string page = test::read_file(dir / "report.html");
  EXPECT_NE(page.find("0.0123"), std::string::npos);
  EXPECT_NE(page.find("PCA-4 test MSE"), std::string::npos);
  EXPECT_NE(page.find("reconstructions.png"), std::string::npos);
  const std::string svg = test::read_file(dir / "loss.svg");
  EXPECT_NE(svg.find("validation"), std::string::npos);
}

}  // namespace
}  // namespace aekit::report
