#pragma once
// What a run of the training loop writes after every epoch, written while the next epoch
// trains: checkpoint.aek, metrics.jsonl, the report of the run in progress (report.html,
// progress_report.hpp), and, just before the first checkpoint, config.toml (it describes the
// checkpoint beside it, which `--resume` must never find without it; a resume that fails before
// its first epoch leaves the run's settings as they were).
//
// after_epoch() takes a snapshot of the step and trainer state (a copy of the values and
// optimizer state, ~1 ms for a 1.4 MB checkpoint) and hands the writing to a background thread
// (io/background_writer.hpp); the files of epoch e are complete before those of epoch e + 1
// start. Every file is written atomically, so a run killed at any point leaves the
// previous epoch's files whole.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/app/progress_report.hpp"
#include "aekit/io/background_writer.hpp"
#include "aekit/settings/train_config.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::app {

class EpochFiles {
 public:
  // header: what identifies the run in every checkpoint (store::model_header); config: the
  // run's settings (config.toml, and the progress report's).
  EpochFiles(std::filesystem::path folder, nlohmann::json header, const train::TrainConfig& config);

  void after_epoch(train::TrainingStep& step, const train::TrainerState& state);
  // Waits for the last epoch's files; rethrows a write error.
  void wait() { writer_.wait(); }
  // wait(), then config.toml if no epoch wrote it (a resume with no epoch left to train).
  void finish();

  std::filesystem::path checkpoint() const { return folder_ / "checkpoint.aek"; }

 private:
  void write_config();

  std::filesystem::path folder_;
  nlohmann::json header_;
  std::string config_toml_;
  ProgressReport progress_;
  bool config_written_ = false;  // touched by the writer's jobs only, or after finish()'s wait
  io::BackgroundWriter writer_;
};

}  // namespace aekit::app
