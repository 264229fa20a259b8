// The run report on its own: the files it writes and what the page shows.
#include "aekit/report/run_report.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "aekit/report/image.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::report {
namespace {

// A freshly initialized model of `dims` and three epochs of made-up history.
struct ReportRig {
  explicit ReportRig(const std::string& dims) : config(train::TrainConfig::defaults()) {
    config.set("dims", dims);
    model = std::make_unique<models::Autoencoder>(config.model);
    Rng rng(1);
    model->initialize(rng);
    for (int e = 1; e <= 3; ++e) state.history.push_back({e, 0.1 / e, 0.12 / e, 0.12 / e, 1e-3, 1, 100});
  }
  train::TrainConfig config;
  std::unique_ptr<models::Autoencoder> model;
  train::TrainerState state;
  const nlohmann::json results = {{"test_mse", 0.0123}, {"test_bce", 0.2}, {"pca_test_mse", 0.02},
                                  {"epochs_done", 3}, {"outcome", "completed"},
                                  {"samples_per_second", 100.0}};
  const data::Scaling scaling;
};

TEST(RunReport, WritesReconstructionsFiltersLossCurveAndPage) {
  test::TempDir dir;
  ReportRig rig("16,4");
  const FloatMatrix examples = test::uniform_data(12, 16, 3);
  write_run_report(dir.path(), {rig.config, rig.state, rig.results, *rig.model, rig.scaling,
                                {1, 4, 4}, examples});

  for (const char* name : {"reconstructions.png", "filters.png", "loss.svg", "report.html"})
    EXPECT_TRUE(std::filesystem::exists(dir / name)) << name;
  const std::string page = test::read_file(dir / "report.html");
  EXPECT_NE(page.find("0.0123"), std::string::npos);
  EXPECT_NE(page.find("PCA-4 test MSE"), std::string::npos);
  EXPECT_NE(page.find("reconstructions.png"), std::string::npos);
  EXPECT_NE(page.find("filters.png"), std::string::npos);
  // 4 filters of 4x4 pixels drawn 2x, in one row with 1-pixel gaps.
  const Image filters = read_png(dir / "filters.png");
  EXPECT_EQ(filters.width, 4 * 8 + 3);
  EXPECT_EQ(filters.height, 8);
  const std::string svg = test::read_file(dir / "loss.svg");
  EXPECT_NE(svg.find("validation"), std::string::npos);
}

TEST(RunReport, NoFiltersWhenARowIsNoPicture) {
  test::TempDir dir;
  ReportRig rig("2,8");
  const FloatMatrix examples = test::uniform_data(12, 2, 3);
  write_run_report(dir.path(), {rig.config, rig.state, rig.results, *rig.model, rig.scaling,
                                {1, 1, 2}, examples});
  EXPECT_TRUE(std::filesystem::exists(dir / "report.html"));
  EXPECT_FALSE(std::filesystem::exists(dir / "filters.png"));
  EXPECT_EQ(test::read_file(dir / "report.html").find("filters.png"), std::string::npos);
}

}  // namespace
}  // namespace aekit::report
