#pragma once
// `aekit report RUN`: rebuilds report.html (and its figures) of a finished run folder from
// its files: model.aek (the model, its scaling and input shape), config.toml, summary.json,
// metrics.jsonl (run_folder.hpp); the data sets are reloaded from the specs the config
// names, so the analysis sections see the rows the run saw.
#include <filesystem>

namespace aekit::app {

// Throws aekit::UsageError for a folder that does not exist, has no model.aek (a run that did
// not finish) or is not a run folder, aekit::Error for a damaged file or data that no longer
// fit the model.
void rebuild_run_report(const std::filesystem::path& folder);

}  // namespace aekit::app
