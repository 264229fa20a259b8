#include "aekit/app/epoch_files.hpp"

#include <utility>

#include "aekit/io/atomic_write.hpp"
#include "aekit/store/checkpoint.hpp"

namespace aekit::app {

EpochFiles::EpochFiles(std::filesystem::path folder, nlohmann::json header,
                       const train::TrainConfig& config)
    : folder_(std::move(folder)), header_(std::move(header)), config_toml_(config.to_toml()),
      progress_(folder_.filename().string(), config) {}

void EpochFiles::write_config() {
  if (config_written_) return;
  io::atomic_write(folder_ / "config.toml", config_toml_);
  config_written_ = true;
}

void EpochFiles::after_epoch(train::TrainingStep& step, const train::TrainerState& state) {
  io::ModelFile checkpoint = store::checkpoint_file(header_, step, state);
  std::string metrics;  // one JSON line per epoch
  for (const auto& r : state.history) metrics += r.to_json().dump() + "\n";
  writer_.submit([this, checkpoint = std::move(checkpoint), metrics = std::move(metrics),
                  history = state.history] {
    // The config first: `--resume` reads it, so a checkpoint must never be on disk without it
    // (the kill test found a run killed between the two that could not be resumed).
    write_config();
    io::save_model_file(folder_ / "checkpoint.aek", checkpoint);
    io::atomic_write(folder_ / "metrics.jsonl", metrics);
    io::atomic_write(folder_ / "report.html", progress_.html(history));
  });
}

void EpochFiles::finish() {
  writer_.wait();
  write_config();
}

}  // namespace aekit::app
