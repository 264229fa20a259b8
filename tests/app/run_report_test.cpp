// The run report on its own: the files it writes and what the page shows.
#include "aekit/app/run_report.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>

#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"
#include "aekit/app/run_facts.hpp"
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

// Labelled training and test rows (labels n % 3) for the analysis sections.
struct LabelledData {
  explicit LabelledData(Index width, bool labelled = true)
      : train_x(test::uniform_data(60, width, 5)), test_x(test::uniform_data(30, width, 6)) {
    for (Index n = 0; labelled && n < 60; ++n) train_labels.push_back(int(n % 3));
    for (Index n = 0; labelled && n < 30; ++n) test_labels.push_back(int(n % 3));
  }
  AnalysisData analysis() const { return {train_x, train_labels, test_x, test_labels, {"ant", "bee", "cat"}}; }
  FloatMatrix train_x, test_x;
  std::vector<int> train_labels, test_labels;
};

std::string report_with(const test::TempDir& dir, models::Model& model, const train::TrainConfig& config,
                        const train::TrainerState* state, const nlohmann::json& results,
                        const LabelledData& data, Shape shape) {
  const AnalysisData analysis = data.analysis();
  write_run_report(dir.path(), {config, state, kNoObjective, results, model, data::Scaling(), shape,
                                data.test_x, &analysis});
  return test::read_file(dir / "report.html");
}

bool has(const std::string& page, const std::string& text) { return page.find(text) != std::string::npos; }

TEST(RunReport, AnalysisSectionsOfALabelledRun) {
  test::TempDir dir;
  ReportRig rig("16,4");
  const std::string page = report_with(dir, *rig.model, rig.config, &rig.state, rig.results,
                                       LabelledData(16), {1, 4, 4});
  for (const char* heading : {"Model beside PCA", "Error by class", "Codes", "Linear probe"})
    EXPECT_TRUE(has(page, fmt::format("<h2>{}</h2>", heading))) << heading;
  EXPECT_TRUE(has(page, "PCA with 4 components fitted on the 60 training rows"));
  EXPECT_TRUE(has(page, "<td>bee</td>"));  // the classes by name
  EXPECT_TRUE(has(page, "coloured by class"));
  EXPECT_TRUE(has(page, "all 60 training rows"));
  // Originals, model and PCA: 3 rows of 10 tiles of 4x4 pixels drawn 3x, 1-pixel gaps.
  const image::Image figure = image::read_png(dir / "pca_comparison.png");
  EXPECT_EQ(figure.width, 10 * 12 + 9);
  EXPECT_EQ(figure.height, 3 * 12 + 2);
  EXPECT_TRUE(has(test::read_file(dir / "codes.svg"), "cat"));
  EXPECT_TRUE(has(page, "data-file=\"pca_comparison.png\""));
  EXPECT_FALSE(has(page, "src=\"pca_comparison.png\""));  // embedded, not linked
}

TEST(RunReport, NoPcaComparisonWhenTheCodeIsNotSmallerThanTheInput) {
  test::TempDir dir;
  ReportRig rig("16,20");
  const std::string page = report_with(dir, *rig.model, rig.config, &rig.state, rig.results,
                                       LabelledData(16), {1, 4, 4});
  EXPECT_FALSE(has(page, "Model beside PCA"));
  EXPECT_FALSE(std::filesystem::exists(dir / "pca_comparison.png"));
  EXPECT_FALSE(has(page, "PCA-20 test MSE"));  // even with a pca_test_mse in the summary
  EXPECT_TRUE(has(page, "<h2>Linear probe</h2>"));
}

TEST(RunReport, NoClassErrorsOrProbeWithoutLabels) {
  test::TempDir dir;
  ReportRig rig("16,4");
  const std::string page = report_with(dir, *rig.model, rig.config, &rig.state, rig.results,
                                       LabelledData(16, false), {1, 4, 4});
  EXPECT_FALSE(has(page, "Error by class"));
  EXPECT_FALSE(has(page, "Linear probe"));
  EXPECT_TRUE(has(page, "<h2>Codes</h2>"));
  EXPECT_FALSE(has(page, "coloured by class"));
  EXPECT_TRUE(has(page, "<h2>Model beside PCA</h2>"));
}

TEST(RunReport, PcaIsNotComparedWithItselfAndHasNoThroughput) {
  test::TempDir dir;
  const LabelledData data(16);
  models::PcaModel pca(models::Pca::fit(data.train_x.cast<Scalar>(), 3));
  const nlohmann::json results = {{"test_mse", 0.01}, {"test_bce", 0.3}, {"pca_test_mse", 0.01},
                                  {"fit_seconds", 0.5}, {"samples_per_second", 1000.0}};
  const std::string page = report_with(dir, pca, train::TrainConfig::defaults(), nullptr, results,
                                       data, {1, 4, 4});
  EXPECT_FALSE(has(page, "Model beside PCA"));
  EXPECT_FALSE(has(page, "PCA-3 test MSE"));
  EXPECT_FALSE(has(page, "throughput"));
  EXPECT_TRUE(has(page, "<h2>Error by class</h2>"));
}

TEST(RunReport, NullPcaMseMeansNoPcaRow) {
  test::TempDir dir;
  ReportRig rig("16,4");
  nlohmann::json results = rig.results;
  results["pca_test_mse"] = nullptr;
  write_run_report(dir.path(), {rig.config, &rig.state, kNoObjective, results, *rig.model, rig.scaling,
                                {1, 4, 4}, test::uniform_data(12, 16, 3)});
  const std::string page = test::read_file(dir / "report.html");
  EXPECT_FALSE(has(page, "PCA-4"));
  EXPECT_TRUE(has(page, "throughput"));
}

// The denoising and Jacobian rows appear for the runs they describe only; the code row says
// what fits the code's activation.
TEST(RunReport, SummaryRowsFitTheRun) {
  const nlohmann::json test_metrics = {{"n", 30}, {"mse", 0.01}, {"bce", 0.2}, {"jacobian_fro", 1.75},
      {"code", {{"activation", "sigmoid"}, {"mean_activation", 0.04}, {"zero_fraction", 0.5},
                {"below_0.1_fraction", 0.9}, {"above_0.9_fraction", 0.0}, {"binary_fraction", 0.9}}},
      {"noise", "mask:0.25"}, {"noisy_mse", 0.08}, {"denoised_mse", 0.0314}, {"denoised_bce", 0.3}};
  const auto page_for = [&](const char* option, const char* value, bool denoising) {
    test::TempDir dir;
    ReportRig rig("16,4");
    if (*option) rig.config.set(option, value);
    nlohmann::json results = rig.results;
    results["test"] = test_metrics;
    if (!denoising) for (const char* key : {"noise", "noisy_mse", "denoised_mse", "denoised_bce"}) results["test"].erase(key);
    write_run_report(dir.path(), {rig.config, &rig.state, kNoObjective, results, *rig.model, rig.scaling,
                                  {1, 4, 4}, test::uniform_data(12, 16, 3)});
    return test::read_file(dir / "report.html");
  };
  const std::string plain = page_for("", "", false);
  for (const char* row : {"denoised test MSE", "encoder Jacobian norm"})
    EXPECT_FALSE(has(plain, row)) << row;
  EXPECT_TRUE(has(plain, "sigmoid code: mean 0.04, 50.0% exactly 0, 90.0% near 0 or 1 (&lt; 0.1 or &gt; 0.9)"));
  const std::string denoising = page_for("noise", "mask:0.25", true);
  EXPECT_TRUE(has(denoising, "0.0314 from inputs with noise mask:0.25 (noisy input: 0.08)"));
  EXPECT_TRUE(has(page_for("contractive", "0.1", false), "<th>encoder Jacobian norm</th><td>1.75"));
}

TEST(RunReport, RunFactsFromTheSummary) {
  test::TempDir dir;
  ReportRig rig("16,4");
  nlohmann::json results = rig.results;
  const std::string without = report_with(dir, *rig.model, rig.config, &rig.state, results, LabelledData(16), {1, 4, 4});
  EXPECT_FALSE(has(without, "<h2>Run</h2>"));
  ThreadChoice threads;
  threads.threads = 3;
  threads.budget = core_budget(4, 2.5);
  results["run"] = run_facts(12.5, threads);
  EXPECT_EQ(results["run"]["threads"], 3);
  EXPECT_EQ(results["run"]["threads_requested"], "auto");
  EXPECT_EQ(results["run"]["threads_reason"], "cgroup CPU quota 2.5 cores -> 3 (of 4 in this process's CPU affinity)");
  const std::string page = report_with(dir, *rig.model, rig.config, &rig.state, results, LabelledData(16), {1, 4, 4});
  EXPECT_TRUE(has(page, "<h2>Run</h2>"));
  EXPECT_TRUE(has(page, "<td>wall time</td><td>12.5 s</td>"));
  EXPECT_TRUE(has(page, "<td>threads</td><td>3 (auto: cgroup CPU quota 2.5 cores -&gt; 3 (of 4 in this "
                        "process&#39;s CPU affinity))</td>")) << page;
  EXPECT_TRUE(has(page, results["run"]["host"].get<std::string>()));
  EXPECT_TRUE(has(page, fmt::format("(commit {})", results["run"]["aekit_commit"].get<std::string>())));
  EXPECT_NE(results["run"]["aekit_commit"], "");
}

TEST(RunReport, ThreadsRowSaysHowTheCountWasChosen) {
  ThreadChoice asked;
  asked.automatic = false;
  asked.threads = 1;
  asked.budget = core_budget(2, std::nullopt);
  const auto row = [](const nlohmann::json& run) {
    for (const auto& [key, value] : run_fact_rows({{"run", run}}))
      if (key == "threads") return value;
    return std::string("(no row)");
  };
  EXPECT_EQ(row(run_facts(1, asked)),
            "1 (as asked (auto would give 2: 2 cores in this process's CPU affinity, no cgroup CPU quota))");
  EXPECT_EQ(run_facts(1, asked)["threads_requested"], 1);
  EXPECT_EQ(row({{"threads", 16}}), "16") << "a run recorded before the reason was";
}

}  // namespace
}  // namespace aekit::app
