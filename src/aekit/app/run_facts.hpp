#pragma once
// Where, when and with what a run was made, stored in summary.json under "run" so that a
// report rebuilt later (rebuild_report.hpp) shows the same facts:
//   {"finished": "2026-12-05 07:40:56 UTC", "host": "...", "aekit_version": "0.1.0",
//    "aekit_commit": "fd683dd" ("unknown" outside a git checkout), "threads": 16,
//    "wall_seconds": from loading the data to the end of testing}
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace aekit::app {

nlohmann::json run_facts(double wall_seconds);

// The rows of the report's "Run" section; none for a summary without "run" (older runs).
std::vector<std::pair<std::string, std::string>> run_fact_rows(const nlohmann::json& summary);

}  // namespace aekit::app
