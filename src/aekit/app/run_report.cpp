#include "aekit/app/run_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "aekit/app/classification_report.hpp"
#include "aekit/app/codec_report.hpp"
#include "aekit/app/epoch_figures.hpp"
#include "aekit/app/info_gan_figures.hpp"
#include "aekit/app/report_summary.hpp"
#include "aekit/app/run_facts.hpp"
#include "aekit/app/stage_report.hpp"
#include "aekit/report/escape.hpp"
#include "aekit/report/filter_image.hpp"
#include "aekit/report/html_report.hpp"
#include "aekit/report/image_grid.hpp"
#include "aekit/report/latent_explorer.hpp"
#include "aekit/app/sample_model.hpp"
#include "aekit/app/sample_strip.hpp"
#include "aekit/report/pca_figures.hpp"
#include "aekit/report/svg_chart.hpp"
#include "aekit/io/atomic_write.hpp"

namespace aekit::app {
namespace fs = std::filesystem;
namespace {

constexpr Index kSamples = 50;

// Originals above reconstructions, in the data's own units (scaling inverted); returns whether
// it wrote the figure (not without example rows, e.g. no test data and val_split 0).
bool write_reconstructions(const fs::path& path, models::Reconstructor& reconstructor,
                           const RunReportInput& in) {
  const Index count = std::min(kExampleRows, in.examples.rows());
  if (count == 0 || in.input_shape.size() != in.examples.cols()) return false;
  FloatMatrix originals = in.examples.topRows(count);
  FloatMatrix reconstructions = reconstructor.reconstruct(originals).cast<float>();
  in.scaling.invert(originals);
  in.scaling.invert(reconstructions);
  const float low = originals.minCoeff(), high = originals.maxCoeff();
  image::write_png(path, report::reconstruction_grid(originals, reconstructions, in.input_shape, count, low,
                                      high > low ? high : low + 1, 1, 3));
  return true;
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

// The classes of a conditional model (its samples come in class-major blocks), else 0.
Index condition_classes(models::Model& model) {
  const auto* sampler = model.sampler();
  return sampler ? sampler->condition_classes() : 0;
}

// How many rows the sample grid shows: 10 per class for a conditional model (a row of the grid
// per class), else kSamples.
Index sample_count(models::Model& model) {
  const Index classes = condition_classes(model);
  return classes > 0 ? 10 * classes : kSamples;
}

// A grid of new rows drawn with the run's seed, 10 per grid row, when a row makes a picture;
// returns whether it wrote one.
bool write_sample_grid(const fs::path& path, models::Sampler& sampler, const RunReportInput& in) {
  if (in.input_shape.size() != in.model.input_size()) return false;
  const FloatMatrix rows = sample_rows(sampler, in.scaling, sample_count(in.model), in.config.seed);
  image::write_png(path, sample_grid(rows, in.input_shape));
  return true;
}

std::string objective_curve(const std::vector<double>& objective) {
  return report::line_chart_svg({"Objective per iteration", "iteration", "objective", {{"training", {}, objective}}, false});
}

}  // namespace

void write_run_report(const fs::path& folder, const RunReportInput& in) {
  auto* reconstructor = in.model.reconstructor();
  const bool has_reconstructions =
      reconstructor && write_reconstructions(folder / "reconstructions.png", *reconstructor, in);
  const auto* filter_source = in.model.filter_source();
  const auto filters_caption =
      filter_source ? write_filters(folder / "filters.png", *filter_source, in.input_shape) : std::nullopt;
  auto* sampler = in.model.sampler();
  const bool has_samples = sampler && write_sample_grid(folder / "samples.png", *sampler, in);
  const auto strip_caption = has_samples ? write_sample_strip(folder, in.input_shape) : std::nullopt;
  const auto* explained = in.model.explained_variance();
  const auto free_energy = in.state ? free_energy_svg(in.state->history) : std::nullopt;
  if (free_energy) io::atomic_write(folder / "free_energy.svg", *free_energy);
  if (in.state)
    io::atomic_write(folder / "loss.svg", loss_curve_svg(in.state->history, in.config.objective_name()));
  else if (!in.objective.empty())
    io::atomic_write(folder / "loss.svg", objective_curve(in.objective));
  const bool has_stages = in.results.contains("stages");
  if (has_stages) io::atomic_write(folder / "stages.svg", stage_loss_svg(in.results.at("stages")));
  if (explained)
    io::atomic_write(folder / "explained_variance.svg",
                     report::explained_variance_svg(explained->explained_variance_ratio()));

  report::Report report;
  report.title = fmt::format("aekit run {}", folder.filename().string());
  report.summary = report_summary(in);
  const auto figure = [&](const char* file, const std::string& caption) {
    return report::figure_html(folder / file, caption);
  };
  if (in.results.contains("classification"))
    report.sections.push_back(classification_section(
        folder, in.results.at("classification"), in.analysis ? in.analysis->class_names : std::vector<std::string>{}));
  if (has_reconstructions)
    report.sections.push_back({"Reconstructions", figure("reconstructions.png",
        "Test images (top) and their reconstructions (bottom).")});
  if (filters_caption)
    report.sections.push_back({"Filters", figure("filters.png", *filters_caption)});
  if (has_samples)
    report.sections.push_back({"Samples", figure("samples.png",
        fmt::format("{} rows drawn from the model (seed {}){}.", sample_count(in.model), in.config.seed,
                    condition_classes(in.model) > 0 ? ", one class per row, from class 0 at the top" : ""))});
  if (strip_caption)
    report.sections.push_back({"Samples over training", figure("samples_over_training.png", *strip_caption)});
  if (auto codec = codec_section(folder, in.model, in.examples)) report.sections.push_back(std::move(*codec));
  for (auto& section : info_gan_sections(folder, in.model, in.scaling, in.input_shape, in.config.seed))
    report.sections.push_back(std::move(section));
  if (auto explorer = report::latent_explorer_section(in.model, in.scaling, in.input_shape, in.examples))
    report.sections.push_back(std::move(*explorer));
  if (explained)
    report.sections.push_back({"Explained variance", figure("explained_variance.svg",
        "Cumulative share of the training data's variance kept by the first k components.")});
  if (in.analysis)
    for (auto& section : analysis_sections(folder, {in.model, in.scaling, in.input_shape, in.config.seed}, *in.analysis))
      report.sections.push_back(std::move(section));
  if (in.state) {
    report.sections.push_back({"Loss", figure("loss.svg", "Training and validation loss per epoch.")});
    if (free_energy)
      report.sections.push_back({"Free energy", figure("free_energy.svg",
          "Mean free energy F(v) of the validation rows and of up to 1,000 training rows. Their gap "
          "(validation minus training) grows when the model starts to overfit; the log-likelihoods "
          "differ by minus the gap, as log Z cancels.")});
    report.sections.push_back({"Epochs", epoch_table(in.state->history)});
  } else if (!in.objective.empty()) {
    report.sections.push_back({"Objective", figure("loss.svg", "The fit's objective per iteration.")});
  }
  if (has_stages)
    report.sections.push_back({"Pre-training", stage_table(in.results.at("stages")) +
        figure("stages.svg", "Each layer's training loss per epoch, on the codes of the layer below.")});
  if (const auto facts = run_fact_rows(in.results); !facts.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& [key, value] : facts) rows.push_back({key, value});
    report.sections.push_back({"Run", report::table_html({}, rows)});
  }
  report.sections.push_back({"Settings", "<pre>" + report::html_escape(in.config.to_toml()) + "</pre>"});
  report::write_html_report(folder / "report.html", report);
}

}  // namespace aekit::app
