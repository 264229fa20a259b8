#include "aekit/app/run_facts.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>

#include "aekit/tensor/threads.hpp"

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

}  // namespace

nlohmann::json run_facts(double wall_seconds) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return {{"finished", fmt::format("{:%Y-%m-%d %H:%M:%S} UTC", now)},
          {"host", host_name()},
          {"aekit_version", AEKIT_VERSION},
          {"aekit_commit", AEKIT_COMMIT},
          {"threads", threads()},
          {"wall_seconds", wall_seconds}};
}

std::vector<std::pair<std::string, std::string>> run_fact_rows(const nlohmann::json& summary) {
  if (!summary.contains("run") || !summary["run"].is_object()) return {};
  const nlohmann::json& run = summary["run"];
  return {{"finished", run.value("finished", "")},
          {"host", run.value("host", "")},
          {"aekit", fmt::format("{} (commit {})", run.value("aekit_version", ""),
                                run.value("aekit_commit", ""))},
          {"threads", std::to_string(run.value("threads", 0))},
          {"wall time", fmt::format("{:.1f} s", run.value("wall_seconds", 0.0))}};
}

}  // namespace aekit::app
