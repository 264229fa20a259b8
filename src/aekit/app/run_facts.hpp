#pragma once
// Where, when and with what a run was made, stored in summary.json under "run" so that a
// report rebuilt later (rebuild_report.hpp) shows the same facts:
//   {"finished": "2026-12-05 07:40:56 UTC", "host": "...", "aekit_version": "0.1.0",
//    "aekit_commit": "fd683dd" ("unknown" outside a git checkout), "threads": 2,
//    "threads_requested": "auto" (or the count given), "threads_reason": "2 cores in this
//    process's CPU affinity, no cgroup CPU quota" (thread_choice.hpp),
//    "wall_seconds": from loading the data to the end of testing}
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "aekit/app/thread_choice.hpp"

namespace aekit::app {

nlohmann::json run_facts(double wall_seconds, const ThreadChoice& threads);

// The rows of the report's "Run" section; none for a summary without "run" (older runs).
// threads: "2 (auto: 2 cores in this process's CPU affinity, no cgroup CPU quota)", or the
// count alone for a run that recorded no reason.
std::vector<std::pair<std::string, std::string>> run_fact_rows(const nlohmann::json& summary);

}  // namespace aekit::app
