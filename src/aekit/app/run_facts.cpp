#include "aekit/app/run_facts.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>

#ifndef AEKIT_COMMIT
#define AEKIT_COMMIT "unknown"
#endif
#ifndef AEKIT_VERSION
#define AEKIT_VERSION "dev"
#endif

namespace aekit::app {
namespace {

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

// "2 (auto: 2 cores in this process's CPU affinity, no cgroup CPU quota)"; "16" for an older run.
std::string threads_row(const nlohmann::json& run) {
  const std::string count = std::to_string(run.value("threads", 0));
  const auto reason = run.find("threads_reason");
  if (reason == run.end() || !reason->is_string()) return count;
  const auto requested = run.find("threads_requested");
  const bool automatic = requested != run.end() && *requested == "auto";
  return fmt::format("{} ({}{})", count, automatic ? "auto: " : "", reason->get<std::string>());
}

}  // namespace

nlohmann::json run_facts(double wall_seconds, const ThreadChoice& threads) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  nlohmann::json facts = {{"finished", fmt::format("{:%Y-%m-%d %H:%M:%S} UTC", now)},
                          {"host", host_name()},
                          {"aekit_version", AEKIT_VERSION},
                          {"aekit_commit", AEKIT_COMMIT}};
  facts.update(threads.to_json());
  facts["wall_seconds"] = wall_seconds;
  return facts;
}

std::vector<std::pair<std::string, std::string>> run_fact_rows(const nlohmann::json& summary) {
  if (!summary.contains("run") || !summary["run"].is_object()) return {};
  const nlohmann::json& run = summary["run"];
  return {{"finished", run.value("finished", "")},
          {"host", run.value("host", "")},
          {"aekit", fmt::format("{} (commit {})", run.value("aekit_version", ""),
                                run.value("aekit_commit", ""))},
          {"threads", threads_row(run)},
          {"wall time", fmt::format("{:.1f} s", run.value("wall_seconds", 0.0))}};
}

}  // namespace aekit::app
