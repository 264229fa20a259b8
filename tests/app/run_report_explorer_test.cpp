// The run report holds the latent explorer (report/latent_explorer.hpp) as one section: with
// its canvas, data and the page's one script for an mlp autoencoder; one line saying why not
// for a PCA baseline.
#include <gtest/gtest.h>

#include "aekit/app/run_report.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::app {
namespace {

std::string report_page(models::Model& model, const train::TrainerState* state) {
  test::TempDir dir;
  const train::TrainConfig config = train::TrainConfig::defaults();
  const FloatMatrix examples = test::uniform_data(20, 16, 3);
  write_run_report(dir.path(), {config, state, {}, nlohmann::json::object(), model,
                                data::Scaling(), {1, 4, 4}, examples});
  return test::read_file(dir / "report.html");
}

TEST(RunReportExplorer, AnMlpGetsTheExplorerWithThePagesOneScript) {
  models::AutoencoderConfig config;
  config.dims = {16, 5};
  models::Autoencoder model(config);
  Rng rng(1);
  model.initialize(rng);
  const train::TrainerState state;
  const std::string page = report_page(model, &state);
  EXPECT_EQ(test::count_occurrences(page, "<h2>Latent explorer</h2>"), 1u);
  EXPECT_EQ(test::count_occurrences(page, "<canvas id=\"aekit-explorer-canvas\""), 1u);
  EXPECT_EQ(test::count_occurrences(page, "type=\"range\""), 5u);
  EXPECT_EQ(test::count_occurrences(page, "<script"), 2u);  // the data block and the script
  EXPECT_EQ(test::count_occurrences(page, "<script>"), 1u);
}

TEST(RunReportExplorer, APcaBaselineGetsOneLineWhy) {
  models::PcaModel pca(models::Pca::fit(test::uniform_data(30, 16, 3).cast<Scalar>(), 3));
  const std::string page = report_page(pca, nullptr);
  EXPECT_EQ(test::count_occurrences(page, "<h2>Latent explorer</h2>\n<p>Not shown: the in-page decoder runs Dense "
                        "(mlp) decoders only"), 1u);
  EXPECT_EQ(test::count_occurrences(page, "<script"), 0u);
}

}  // namespace
}  // namespace aekit::app
