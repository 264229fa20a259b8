#include "aekit/app/epoch_figures.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/report/html_report.hpp"
#include "aekit/report/svg_chart.hpp"

namespace aekit::app {

std::string loss_curve_svg(std::span<const train::EpochRecord> history, const std::string& loss) {
  report::Series train{"training", {}, {}}, val{"validation", {}, {}};
  for (const auto& r : history) {
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

std::optional<std::string> free_energy_svg(std::span<const train::EpochRecord> history) {
  report::Series validation{"validation rows", {}, {}}, training{"training rows", {}, {}};
  for (const auto& r : history) {
    const double free = r.value("val_free_energy"), gap = r.value("val_free_energy_gap");
    if (!std::isfinite(free) || !std::isfinite(gap)) continue;
    validation.x.push_back(r.epoch);
    validation.y.push_back(free);
    training.x.push_back(r.epoch);
    training.y.push_back(free - gap);
  }
  if (validation.x.empty()) return std::nullopt;
  return report::line_chart_svg({"Mean free energy per epoch", "epoch", "free energy", {validation, training}, false});
}

std::string epoch_table(std::span<const train::EpochRecord> history) {
  std::vector<std::string> header = {"epoch"};
  if (!history.empty())
    for (const auto& [name, value] : history.front().values) header.push_back(name);
  header.insert(header.end(), {"lr", "seconds", "samples/s"});
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : history) {
    std::vector<std::string> row = {std::to_string(r.epoch)};
    for (const auto& [name, value] : r.values)
      row.push_back(std::isfinite(value) ? fmt::format("{:.6f}", value) : "n/a");
    row.insert(row.end(), {fmt::format("{:.3g}", r.lr), fmt::format("{:.1f}", r.seconds),
                           fmt::format("{:.0f}", r.samples_per_second)});
    rows.push_back(std::move(row));
  }
  return report::table_html(header, rows);
}

}  // namespace aekit::app
