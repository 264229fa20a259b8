// The run report on its own: the files it writes and what the page shows.
#include "aekit/app/run_report.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"
#include "aekit/image/image.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::app {
namespace {

const std::vector<double> kNoObjective;

// A freshly initialized model of `dims` and three epochs of made-up history.
struct ReportRig {
  explicit ReportRig(const std::string& dims) : config(train::TrainConfig::defaults()) {
    config.set("dims", dims);
    model = std::make_unique<models::Autoencoder>(config.model);
    Rng rng(1);
    model->initialize(rng);
    for (int e = 1; e <= 3; ++e) state.history.push_back({e, {{"train_loss", 0.1 / e}, {"val_loss", 0.12 / e}, {"val_mse", 0.12 / e}}, 1e-3, 1, 100});
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
  write_run_report(dir.path(), {rig.config, &rig.state, kNoObjective, rig.results, *rig.model, rig.scaling,
                                {1, 4, 4}, examples});

  for (const char* name : {"reconstructions.png", "filters.png", "loss.svg", "report.html"})
    EXPECT_TRUE(std::filesystem::exists(dir / name)) << name;
  const std::string page = test::read_file(dir / "report.html");
  EXPECT_NE(page.find("0.0123"), std::string::npos);
  EXPECT_NE(page.find("PCA-4 test MSE"), std::string::npos);
  EXPECT_NE(page.find("reconstructions.png"), std::string::npos);
  EXPECT_NE(page.find("filters.png"), std::string::npos);
  // 4 filters of 4x4 pixels drawn 2x, in one row with 1-pixel gaps.
  const image::Image filters = image::read_png(dir / "filters.png");
  EXPECT_EQ(filters.width, 4 * 8 + 3);
  EXPECT_EQ(filters.height, 8);
  const std::string svg = test::read_file(dir / "loss.svg");
  EXPECT_NE(svg.find("validation"), std::string::npos);
}

TEST(RunReport, NoFiltersWhenARowIsNoPicture) {
  test::TempDir dir;
  ReportRig rig("2,8");
  const FloatMatrix examples = test::uniform_data(12, 2, 3);
  write_run_report(dir.path(), {rig.config, &rig.state, kNoObjective, rig.results, *rig.model, rig.scaling,
                                {1, 1, 2}, examples});
  EXPECT_TRUE(std::filesystem::exists(dir / "report.html"));
  EXPECT_FALSE(std::filesystem::exists(dir / "filters.png"));
  EXPECT_EQ(test::read_file(dir / "report.html").find("filters.png"), std::string::npos);
}

TEST(RunReport, PcaShowsComponentsAndExplainedVarianceInsteadOfALossCurve) {
  test::TempDir dir;
  const train::TrainConfig config = train::TrainConfig::defaults();
  const FloatMatrix examples = test::uniform_data(30, 16, 3);
  models::PcaModel pca(models::Pca::fit(examples.cast<Scalar>(), 3));
  const nlohmann::json results = {{"test_mse", 0.01}, {"test_bce", 0.3}, {"pca_test_mse", 0.01},
                                  {"fit_seconds", 0.5}};
  write_run_report(dir.path(), {config, nullptr, kNoObjective, results, pca, data::Scaling(),
                                {1, 4, 4}, examples});
  EXPECT_FALSE(std::filesystem::exists(dir / "loss.svg"));
  const std::string page = test::read_file(dir / "report.html");
  EXPECT_NE(page.find("Principal components"), std::string::npos);
  EXPECT_NE(page.find("explained_variance.svg"), std::string::npos);
  EXPECT_NE(page.find("fitted on the training rows in 0.50 s"), std::string::npos);
  EXPECT_EQ(page.find("Epochs"), std::string::npos);
  const image::Image filters = image::read_png(dir / "filters.png");
  EXPECT_EQ(filters.width, 3 * 8 + 2);  // 3 components of 4x4 drawn 2x
  EXPECT_NE(test::read_file(dir / "explained_variance.svg").find("<svg"), std::string::npos);
}

TEST(RunReport, SparseCodingShowsAtomsAndItsObjective) {
  test::TempDir dir;
  const train::TrainConfig config = train::TrainConfig::defaults();
  const FloatMatrix examples = test::uniform_data(30, 16, 3);
  models::SparseCodingModel model(models::SparseCoding(Matrix::Identity(5, 16), 0.1));
  const std::vector<double> objective = {0.3, 0.2, 0.15};
  write_run_report(dir.path(), {config, nullptr, objective, nlohmann::json::object(), model,
                                data::Scaling(), {1, 4, 4}, examples});
  const std::string page = test::read_file(dir / "report.html");
  EXPECT_NE(page.find("Atoms of the dictionary"), std::string::npos);
  EXPECT_NE(page.find("loss.svg"), std::string::npos);
  EXPECT_NE(test::read_file(dir / "loss.svg").find("Objective per iteration"), std::string::npos);
}

}  // namespace
}  // namespace aekit::app
