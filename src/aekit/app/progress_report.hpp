#pragma once
// The light report.html of a run of the training loop while it trains, rewritten after every
// epoch by the background writer (epoch_files.hpp) and replaced by the full report
// (run_report.hpp) when the run ends:
//   title, status "in progress: epoch k of N", the time the page was written (a run killed
//   mid-way leaves its last one), the loss curve so far (inline SVG), the epoch
//   table, the settings; <meta http-equiv="refresh" content="5"> so an open page follows.
// It is drawn from the history alone: no model evaluation per epoch.
#include <span>
#include <string>

#include "aekit/settings/train_config.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::app {

inline constexpr int kProgressRefreshSeconds = 5;

class ProgressReport {
 public:
  // run_name: the run folder's name, for the title.
  ProgressReport(std::string run_name, const train::TrainConfig& config);

  // The page after the epochs of `history` (at least one).
  std::string html(std::span<const train::EpochRecord> history) const;

 private:
  std::string title_, data_, loss_, settings_toml_;
  int epochs_;
};

}  // namespace aekit::app
