#include "aekit/app/run_comparison.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/report/html_report.hpp"
#include "aekit/report/svg_chart.hpp"

namespace aekit::app {
namespace fs = std::filesystem;
namespace {

constexpr const char* kRunFolderKey = "training.out";

std::string run_name(const RunFiles& run) { return run.folder.filename().string(); }

std::string number(const nlohmann::json& summary, const char* key, const char* format = "{:.6g}") {
  const auto it = summary.find(key);
  return it != summary.end() && it->is_number() ? fmt::format(fmt::runtime(format), it->get<double>()) : "n/a";
}

std::string denoised(const nlohmann::json& summary) {
  const auto test = summary.find("test");
  if (test == summary.end() || !test->is_object()) return "n/a";
  return number(*test, "denoised_mse");
}

std::string wall_time(const nlohmann::json& summary) {
  const auto run = summary.find("run");
  if (run == summary.end() || !run->is_object()) return "n/a";
  return number(*run, "wall_seconds", "{:.1f} s");
}

std::string metrics_table(const std::vector<RunFiles>& runs) {
  std::vector<std::string> header = {"metric"};
  for (const auto& run : runs) header.push_back(run_name(run));
  std::vector<std::vector<std::string>> rows = {{"outcome"}, {"epochs"}, {"test MSE"}, {"test BCE"},
      {"PCA test MSE"}, {"denoised test MSE"}, {"samples/s"}, {"wall time"}};
  for (const auto& run : runs) {
    const auto& s = run.summary;
    const std::string cells[] = {s.value("outcome", "n/a"), number(s, "epochs_done", "{:.0f}"),
        number(s, "test_mse"), number(s, "test_bce"), number(s, "pca_test_mse"), denoised(s),
        number(s, "samples_per_second", "{:.0f}"), wall_time(s)};
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].push_back(cells[i]);
  }
  return report::table_html(header, rows);
}

// The first value of `r` whose name starts with `prefix`, or NaN.
double first_value(const train::EpochRecord& r, std::string_view prefix) {
  for (const auto& [name, value] : r.values)
    if (name.starts_with(prefix)) return value;
  return std::nan("");
}

std::string loss_section(const std::vector<RunFiles>& runs) {
  report::LineChart chart{"Loss per epoch", "epoch", "loss", {}, false};
  std::vector<std::string> fitted;
  for (const auto& run : runs) {
    if (run.history.empty()) {
      fitted.push_back(run_name(run));
      continue;
    }
    const bool validated = std::isfinite(first_value(run.history.front(), "val_"));
    report::Series series{run_name(run) + (validated ? "" : " (training)"), {}, {}};
    for (const auto& r : run.history) {
      series.x.push_back(r.epoch);
      series.y.push_back(first_value(r, validated ? "val_" : "train_"));
    }
    chart.series.push_back(std::move(series));
  }
  std::string html;
  if (!chart.series.empty())
    html = "<figure>" + report::line_chart_svg(chart) + "<figcaption>Each run's first validation "
           "metric per epoch (its training loss when it held out no validation rows).</figcaption></figure>\n";
  if (!fitted.empty())
    html += "<p>" + report::html_escape(fmt::format("No curve for {}: fitted in one go, without epochs.",
                                                    fmt::join(fitted, ", "))) + "</p>\n";
  return html;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::string>>> differing_settings(
    const std::vector<RunFiles>& runs) {
  std::vector<std::string> keys;  // in the order they first appear
  std::vector<std::vector<std::pair<std::string, std::string>>> settings;
  for (const auto& run : runs) {
    settings.push_back(run.config.applicable_settings());
    for (const auto& [key, value] : settings.back())
      if (key != kRunFolderKey && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> differing;
  for (const auto& key : keys) {
    std::vector<std::string> values;
    for (const auto& run_settings : settings) {
      const auto it = std::find_if(run_settings.begin(), run_settings.end(),
                                   [&](const auto& setting) { return setting.first == key; });
      values.push_back(it == run_settings.end() ? "-" : it->second);
    }
    if (std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) != values.end())
      differing.emplace_back(key, std::move(values));
  }
  return differing;
}

std::string comparison_page(const std::vector<RunFiles>& runs) {
  report::Report page;
  page.title = fmt::format("aekit: {} runs compared", runs.size());
  for (const auto& run : runs) page.summary.push_back({run_name(run), run.folder.string()});
  std::vector<std::string> header = {"setting"};
  for (const auto& run : runs) header.push_back(run_name(run));
  std::vector<std::vector<std::string>> rows;
  for (auto& [key, values] : differing_settings(runs)) {
    rows.push_back({key});
    rows.back().insert(rows.back().end(), values.begin(), values.end());
  }
  page.sections.push_back({"Settings that differ", rows.empty()
      ? "<p>The runs have the same settings.</p>\n" : report::table_html(header, rows)});
  page.sections.push_back({"Metrics", metrics_table(runs)});
  page.sections.push_back({"Loss", loss_section(runs)});
  return report::render_html_report(page);
}

void compare_runs(const std::vector<fs::path>& folders, const fs::path& page) {
  if (folders.size() < 2)
    throw UsageError(fmt::format("compare needs at least 2 run folders, found {}", folders.size()));
  std::vector<RunFiles> runs;
  for (const auto& folder : folders) runs.push_back(read_run_files(folder));
  io::atomic_write(page, comparison_page(runs));
}

}  // namespace aekit::app
