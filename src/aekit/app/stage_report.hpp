#pragma once
// The report of a fit made of stages (FamilyRun::stages(): a stack's layers, trained one after
// the other), from summary.json's "stages":
//   stage_lines      one log line per stage: its model, epochs, seconds per epoch, loss first -> last
//   stage_table      the same as an HTML table
//   stage_loss_svg   each stage's training loss per epoch, one line per stage
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aekit::app {

std::vector<std::string> stage_lines(const nlohmann::json& stages);
std::string stage_table(const nlohmann::json& stages);
std::string stage_loss_svg(const nlohmann::json& stages);

}  // namespace aekit::app
