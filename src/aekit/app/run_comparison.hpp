#pragma once
// `aekit compare RUN... -o PAGE.html`: one self-contained page that sets finished runs side by
// side (one column per run, in the order given):
//   Settings that differ  every setting (config.toml key, "training.lr") whose value is not
//                         the same in all runs; "-" where a run has no such setting (another
//                         model family); the run folder (training.out) is left out
//   Metrics               outcome, epochs, test MSE, test BCE, PCA test MSE, denoised test
//                         MSE, samples/s, wall time (summary.json; "n/a" where absent)
//   Loss                  one SVG: each run's first validation metric per epoch (its training
//                         loss without validation rows); one-shot fits have no curve
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "aekit/app/run_folder.hpp"

namespace aekit::app {

// The settings that differ: (key, one value per run).
std::vector<std::pair<std::string, std::vector<std::string>>> differing_settings(
    const std::vector<RunFiles>& runs);

std::string comparison_page(const std::vector<RunFiles>& runs);

// Reads the runs (read_run_files) and writes the page atomically. Throws aekit::UsageError for
// fewer than 2 runs or a folder that is not a run.
void compare_runs(const std::vector<std::filesystem::path>& folders, const std::filesystem::path& page);

}  // namespace aekit::app
