#include "aekit/app/run_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "aekit/report/escape.hpp"
#include "aekit/report/filter_image.hpp"
#include "aekit/report/html_report.hpp"
#include "aekit/report/image_grid.hpp"
#include "aekit/report/latent_explorer.hpp"
#include "aekit/app/sample_model.hpp"
#include "aekit/report/pca_figures.hpp"
#include "aekit/report/svg_chart.hpp"
#include "aekit/io/atomic_write.hpp"

namespace aekit::app {
namespace fs = std::filesystem;
namespace {

constexpr Index kExamples = 10;
constexpr Index kSamples = 50;

// Originals above reconstructions, in the data's own units (scaling inverted).
void write_reconstructions(const fs::path& path, models::Reconstructor& reconstructor,
                           const RunReportInput& in) {
  const Index count = std::min(kExamples, in.examples.rows());
  if (count == 0 || in.input_shape.size() != in.examples.cols()) return;
  FloatMatrix originals = in.examples.topRows(count);
  FloatMatrix reconstructions = reconstructor.reconstruct(originals).cast<float>();
  in.scaling.invert(originals);
  in.scaling.invert(reconstructions);
  const float low = originals.minCoeff(), high = originals.maxCoeff();
  image::write_png(path, report::reconstruction_grid(originals, reconstructions, in.input_shape, count, low,
                                      high > low ? high : low + 1, 1, 3));
}

// The filters of the source's default layer, when they make a picture; returns the figure's
// caption, or nothing when it wrote none.
std::optional<std::string> write_filters(const fs::path& path, const models::FilterSource& source,
                                         Shape input_shape) {
  const auto layer = source.default_layer();
  if (!source.offers(layer)) return std::nullopt;
  const models::Filters filters = source.filters(layer);
  const auto shape = report::filter_shape(filters, input_shape);
  if (!shape) return std::nullopt;
  image::write_png(path, report::filter_image(filters.rows, *shape, report::kDefaultFilterCount,
                                              report::kDefaultFilterColumns, 2));
  return filters.caption + ", each scaled on its own: mid-gray is 0, white and black are its "
                           "largest positive and negative values.";
}

// A grid of new rows drawn with the run's seed, when a row makes a picture; returns whether
// it wrote one.
bool write_sample_grid(const fs::path& path, models::Sampler& sampler, const RunReportInput& in) {
  if (in.input_shape.size() != in.model.input_size()) return false;
  const FloatMatrix rows = sample_rows(sampler, in.scaling, kSamples, in.config.seed);
  image::write_png(path, sample_grid(rows, in.input_shape));
  return true;
}

std::string objective_curve(const std::vector<double>& objective) {
  return report::line_chart_svg({"Objective per iteration", "iteration", "objective", {{"training", {}, objective}}, false});
}

// The step's first training loss and its first validation metric per epoch.
std::string loss_curve(const train::TrainerState& state, const std::string& loss) {
  report::Series train{"training", {}, {}}, val{"validation", {}, {}};
  for (const auto& r : state.history) {
    const auto first = [&](std::string_view prefix) {
      for (const auto& [name, value] : r.values)
        if (name.starts_with(prefix)) return value;
      return std::nan("");
    };
    train.x.push_back(r.epoch);
    train.y.push_back(first("train_"));
    if (std::isfinite(first("val_"))) {
      val.x.push_back(r.epoch);
      val.y.push_back(first("val_"));
    }
  }
  report::LineChart chart{"Loss per epoch", "epoch", loss, {train}, false};
  if (!val.x.empty()) chart.series.push_back(val);
  return report::line_chart_svg(chart);
}

std::string number(const nlohmann::json& value) {
  return value.is_number() ? fmt::format("{:.6g}", value.get<double>()) : "n/a";
}

// One row per epoch: every value the loop recorded (train_*, val_*), lr, time, speed.
std::string epoch_table(const train::TrainerState& state) {
  std::vector<std::string> header = {"epoch"};
  if (!state.history.empty())
    for (const auto& [name, value] : state.history.front().values) header.push_back(name);
  header.insert(header.end(), {"lr", "seconds", "samples/s"});
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : state.history) {
    std::vector<std::string> row = {std::to_string(r.epoch)};
    for (const auto& [name, value] : r.values)
      row.push_back(std::isfinite(value) ? fmt::format("{:.6f}", value) : "n/a");
    row.insert(row.end(), {fmt::format("{:.3g}", r.lr), fmt::format("{:.1f}", r.seconds),
                           fmt::format("{:.0f}", r.samples_per_second)});
    rows.push_back(std::move(row));
  }
  return report::table_html(header, rows);
}

// The settings that describe how the model was made, in one line.
std::string training_line(const RunReportInput& in) {
  const auto& c = in.config;
  const auto& r = in.results;
  if (in.state)
    return fmt::format("{} {} lr {} batch {}, {} epochs ({})", c.get("loss"), c.get("optimizer"),
                       c.get("lr"), c.batch, r.value("epochs_done", 0), r.value("outcome", ""));
  return fmt::format("fitted on the training rows in {:.2f} s", r.value("fit_seconds", 0.0));
}

}  // namespace

void write_run_report(const fs::path& folder, const RunReportInput& in) {
  auto* reconstructor = in.model.reconstructor();
  if (reconstructor) write_reconstructions(folder / "reconstructions.png", *reconstructor, in);
  const auto* filter_source = in.model.filter_source();
  const auto filters_caption =
      filter_source ? write_filters(folder / "filters.png", *filter_source, in.input_shape) : std::nullopt;
  auto* sampler = in.model.sampler();
  const bool has_samples = sampler && write_sample_grid(folder / "samples.png", *sampler, in);
  const auto* explained = in.model.explained_variance();
  if (in.state)
    io::atomic_write(folder / "loss.svg", loss_curve(*in.state, in.config.get("loss")));
  else if (!in.objective.empty())
    io::atomic_write(folder / "loss.svg", objective_curve(in.objective));
  if (explained)
    io::atomic_write(folder / "explained_variance.svg",
                     report::explained_variance_svg(explained->explained_variance_ratio()));

  report::Report report;
  report.title = fmt::format("aekit run {}", folder.filename().string());
  const auto& r = in.results;
  report.summary = {
      {"data", in.config.data},
      {"test data", in.config.test_data},
      {"model", in.model.description()},
      {"learned values", std::to_string(in.model.state_size())},
      {"training", training_line(in)},
      {"test MSE", number(r["test_mse"])},
      {"test BCE", number(r["test_bce"])},
  };
  if (const auto* encoder = in.model.encoder())
    report.summary.push_back({fmt::format("PCA-{} test MSE", encoder->code_size()), number(r["pca_test_mse"])});
  report.summary.push_back({"throughput", fmt::format("{:.0f} samples/s", r.value("samples_per_second", 0.0))});
  if (reconstructor)
    report.sections.push_back({"Reconstructions", report::figure_html("reconstructions.png",
        "Test images (top) and their reconstructions (bottom).")});
  if (filters_caption)
    report.sections.push_back({"Filters", report::figure_html("filters.png", *filters_caption)});
  if (has_samples)
    report.sections.push_back({"Samples", report::figure_html("samples.png",
        fmt::format("{} rows drawn from the model (seed {}).", kSamples, in.config.seed))});
  if (auto explorer = report::latent_explorer_section(in.model, in.scaling, in.input_shape, in.examples))
    report.sections.push_back(std::move(*explorer));
  if (explained)
    report.sections.push_back({"Explained variance", report::figure_html("explained_variance.svg",
        "Cumulative share of the training data's variance kept by the first k components.")});
  if (in.state) {
    report.sections.push_back({"Loss", report::figure_html("loss.svg", "Training and validation loss per epoch.")});
    report.sections.push_back({"Epochs", epoch_table(*in.state)});
  } else if (!in.objective.empty()) {
    report.sections.push_back({"Objective", report::figure_html("loss.svg", "The fit's objective per iteration.")});
  }
  report.sections.push_back({"Settings", "<pre>" + report::html_escape(in.config.to_toml()) + "</pre>"});
  report::write_html_report(folder / "report.html", report);
}

}  // namespace aekit::app
