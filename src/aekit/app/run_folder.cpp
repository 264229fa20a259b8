#include "aekit/app/run_folder.hpp"

#include <fmt/format.h>

#include <sstream>

#include "aekit/error.hpp"
#include "aekit/io/file_bytes.hpp"

namespace aekit::app {
namespace fs = std::filesystem;
namespace {

fs::path require_file(const fs::path& folder, const char* name) {
  const fs::path path = folder / name;
  if (!fs::is_regular_file(path))
    throw UsageError(fmt::format("'{}' is not a finished run folder: expected {} in it, found none",
                                 folder.string(), name));
  return path;
}

nlohmann::json parse_json(const fs::path& path, const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("'{}' is damaged: expected JSON, {}", path.string(), e.what()));
  }
}

std::vector<train::EpochRecord> read_history(const fs::path& path) {
  std::vector<train::EpochRecord> history;
  if (!fs::exists(path)) return history;
  std::istringstream lines(io::read_file_bytes(path));
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.empty()) continue;
    try {
      history.push_back(train::EpochRecord::from_json(parse_json(path, line)));
    } catch (const nlohmann::json::exception& e) {
      throw Error(fmt::format("'{}' line {} is damaged: expected an epoch record, {}", path.string(),
                              number, e.what()));
    }
  }
  return history;
}

}  // namespace

void require_folder(const fs::path& folder) {
  if (!fs::exists(folder))
    throw UsageError(fmt::format("run folder '{}' does not exist", folder.string()));
  if (!fs::is_directory(folder))
    throw UsageError(fmt::format("'{}' is a file, expected a run folder", folder.string()));
}

RunFiles read_run_files(const fs::path& folder) {
  require_folder(folder);
  RunFiles run{folder, train::TrainConfig::defaults(), {}, {}};
  const fs::path summary = require_file(folder, "summary.json");
  run.config.merge_toml_file(require_file(folder, "config.toml"));
  run.summary = parse_json(summary, io::read_file_bytes(summary));
  if (!run.summary.is_object())
    throw Error(fmt::format("'{}' is damaged: expected a JSON object, found {}", summary.string(),
                            run.summary.type_name()));
  run.history = read_history(folder / "metrics.jsonl");
  return run;
}

}  // namespace aekit::app
