#include "aekit/app/progress_report.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>

#include "aekit/app/epoch_figures.hpp"
#include "aekit/report/html_report.hpp"

namespace aekit::app {

ProgressReport::ProgressReport(std::string run_name, const train::TrainConfig& config)
    : title_(fmt::format("aekit run {}", run_name)), data_(config.data), loss_(config.objective_name()),
      settings_toml_(config.to_toml()), epochs_(config.epochs) {}

std::string ProgressReport::html(std::span<const train::EpochRecord> history) const {
  report::Report page;
  page.title = title_;
  page.refresh_seconds = kProgressRefreshSeconds;
  const int epoch = history.empty() ? 0 : history.back().epoch;
  // The time tells a reader of a page left behind by a run that was killed that it is stale.
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  page.summary = {{"status", fmt::format("in progress: epoch {} of {}", epoch, epochs_)},
                  {"page written", fmt::format("{:%Y-%m-%d %H:%M:%S} UTC", now)},
                  {"data", data_}};
  page.sections.push_back({"Loss", "<figure>" + loss_curve_svg(history, loss_) +
      "<figcaption>Training and validation loss per epoch so far.</figcaption></figure>\n"});
  page.sections.push_back({"Epochs", epoch_table(history)});
  page.sections.push_back({"Settings", "<pre>" + report::html_escape(settings_toml_) + "</pre>"});
  return report::render_html_report(page);
}

}  // namespace aekit::app
