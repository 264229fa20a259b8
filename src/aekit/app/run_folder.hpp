#pragma once
// Reading back the files of a finished run folder (what `aekit train` wrote), for the
// commands that work on runs after the fact: `aekit report` (rebuild_report.hpp) and
// `aekit compare` (run_comparison.hpp).
//   config.toml     the resolved settings
//   summary.json    outcome, test metrics, the run's facts
//   metrics.jsonl   one EpochRecord per line; absent for a one-shot fit (pca, sparse_coding)
#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "aekit/settings/train_config.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::app {

struct RunFiles {
  std::filesystem::path folder;
  train::TrainConfig config;
  nlohmann::json summary;
  std::vector<train::EpochRecord> history;  // empty without metrics.jsonl
};

// Throws aekit::UsageError for a folder that does not exist or is not a run folder (no
// summary.json or config.toml), aekit::Error naming the file for one that does not parse.
RunFiles read_run_files(const std::filesystem::path& folder);

// Throws aekit::UsageError unless `folder` is an existing folder: "run folder 'x' does not
// exist" / "'x' is a file, expected a run folder".
void require_folder(const std::filesystem::path& folder);

}  // namespace aekit::app
