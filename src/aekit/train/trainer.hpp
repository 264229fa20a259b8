#pragma once
// The training loop: seeded shuffled minibatches, optimizer steps, validation, early stopping.
//
// Every epoch e (1-based) shuffles with Rng(seed).derive("shuffle", e) and draws its noise
// (corruption, code noise) from Rng(seed).derive("noise", e), so an epoch does not depend on
// what ran before it: resuming from a checkpoint after epoch e gives
// bit-identical results to never having stopped (same seed, threads and build).
// After the first batch the loop allocates nothing: batch and layer buffers are reused.
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/models/autoencoder/objective.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/train/progress.hpp"
#include "aekit/train/train_config.hpp"

namespace aekit::train {

struct EpochRecord {
  int epoch = 0;
  double train_loss = 0;     // mean batch loss over the epoch (weighted by rows)
  double val_loss = 0;       // the objective's loss on the validation rows (NaN: none)
  double val_mse = 0;        // NaN when there is no validation split
  double lr = 0;
  double seconds = 0;        // wall time of the epoch's training steps
  double samples_per_second = 0;

  nlohmann::json to_json() const;
  static EpochRecord from_json(const nlohmann::json& json);
};

// Everything a checkpoint must hold besides parameters and optimizer state.
struct TrainerState {
  int epochs_done = 0;
  double best_val_loss = std::numeric_limits<double>::infinity();
  int best_epoch = 0;
  int epochs_without_gain = 0;
  std::vector<EpochRecord> history;
  Vector best_params;   // parameters at best_epoch (size 0 until one epoch ran)
  Vector best_buffers;  // the model's buffers (BatchNorm statistics) at best_epoch

  nlohmann::json history_json() const;  // [EpochRecord::to_json(), ...]
};

// Thrown when the loss becomes NaN or infinite; nothing is written after that point.
class TrainingDiverged : public Error {
 public:
  using Error::Error;
};

class Trainer {
 public:
  Trainer(models::Autoencoder& model, models::Objective& objective, optim::Optimizer& optimizer,
          const TrainConfig& config);

  // Trains epochs state.epochs_done + 1 .. config.epochs on `train`, validating on `val`
  // (may have 0 rows). After every epoch calls on_epoch(state) (checkpoints, metrics).
  // Returns "completed" or "early stop ...". At the end the model holds the best parameters
  // (lowest validation loss; the last ones without validation). A state that already stopped
  // early (epochs_without_gain >= patience, e.g. resumed from its checkpoint) trains nothing.
  std::string fit(ConstMatrixRef train, ConstMatrixRef val, TrainerState& state,
                  Progress* progress, const std::function<void(const TrainerState&)>& on_epoch);

  // One epoch of minibatch steps; returns the mean training loss. Public for benchmarks
  // and the allocation test.
  double train_epoch(ConstMatrixRef train, int epoch, double lr, Progress* progress);

 private:
  models::Autoencoder& model_;
  models::Objective& objective_;
  optim::Optimizer& optimizer_;
  const TrainConfig& config_;
  std::vector<std::int64_t> order_;
  Workspace batch_;
};

}  // namespace aekit::train
