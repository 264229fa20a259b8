#include "aekit/app/stage_report.hpp"

#include <fmt/format.h>

#include "aekit/report/html_report.hpp"
#include "aekit/report/svg_chart.hpp"

namespace aekit::app {
namespace {

struct StageFacts {
  std::string name, model, loss;
  std::size_t epochs = 0;
  double seconds_per_epoch = 0, first_loss = 0, last_loss = 0;
};

StageFacts facts_of(const nlohmann::json& stage) {
  StageFacts f{stage.at("name"), stage.at("model"), stage.at("loss")};
  const auto& epochs = stage.at("epochs");
  f.epochs = epochs.size();
  if (epochs.empty()) return f;
  double seconds = 0;
  for (const auto& e : epochs) seconds += e.at("seconds").get<double>();
  f.seconds_per_epoch = seconds / double(epochs.size());
  f.first_loss = epochs.front().at("loss");
  f.last_loss = epochs.back().at("loss");
  return f;
}

}  // namespace

std::vector<std::string> stage_lines(const nlohmann::json& stages) {
  std::vector<std::string> lines;
  for (const auto& stage : stages) {
    const StageFacts f = facts_of(stage);
    lines.push_back(fmt::format("{}: {}, {} epochs, {:.2f} s/epoch, {} {:.5f} -> {:.5f}", f.name, f.model,
                                f.epochs, f.seconds_per_epoch, f.loss, f.first_loss, f.last_loss));
  }
  return lines;
}

std::string stage_table(const nlohmann::json& stages) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& stage : stages) {
    const StageFacts f = facts_of(stage);
    rows.push_back({f.name, f.model, std::to_string(f.epochs), fmt::format("{:.2f}", f.seconds_per_epoch),
                    fmt::format("{} {:.5f} -> {:.5f}", f.loss, f.first_loss, f.last_loss)});
  }
  return report::table_html({"stage", "model", "epochs", "seconds per epoch", "training loss, first -> last epoch"}, rows);
}

std::string stage_loss_svg(const nlohmann::json& stages) {
  report::LineChart chart{"Training loss per epoch, each stage", "epoch", "loss", {}, false};
  for (const auto& stage : stages) {
    report::Series series{stage.at("name").get<std::string>(), {}, {}};
    for (const auto& e : stage.at("epochs")) {
      series.x.push_back(e.at("epoch").get<double>());
      series.y.push_back(e.at("loss").get<double>());
    }
    chart.series.push_back(std::move(series));
  }
  return report::line_chart_svg(chart);
}

}  // namespace aekit::app
