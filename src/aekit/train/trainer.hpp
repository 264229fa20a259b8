#pragma once
// The one training loop: epochs of seeded, shuffled minibatches over any model family's
// TrainingStep (models/training_step.hpp), validation, early stopping, the NaN/Inf guard,
// progress, and the state a checkpoint needs (train/checkpoint.hpp).
//
// Every epoch e (1-based) shuffles with Rng(seed).derive("shuffle", e) and gives the step
// Rng(seed).derive("noise", e) for its random draws, so an epoch does not depend on what ran
// before it: resuming from a checkpoint after epoch e gives bit-identical results to never
// having stopped (same seed, threads and build). A stop request (stop_when: SIGINT/SIGTERM)
// ends the loop between two batches; the epoch so far (batches done, loss sums, the noise
// stream's position) goes into the state, so a checkpoint taken then also resumes exactly.
// After the first epoch the loop allocates nothing: batch buffers are reused (and a step must
// reuse its own).
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/train/training_step.hpp"
#include "aekit/optim/schedule.hpp"
#include "aekit/tensor/workspace.hpp"
#include "aekit/train/progress.hpp"

namespace aekit::train {

// The loop's own settings (the shared training section of a run's settings).
struct LoopSettings {
  int epochs = 10;
  Index batch = 128;
  std::uint64_t seed = 42;
  int patience = 5;          // epochs without validation gain before stopping; 0 = off
  optim::Schedule schedule;  // scales every group's base learning rate per epoch
  double clip_norm = 0;      // a gradient hook: clip each group's gradient norm; 0 = off
};

// Rows to train or validate on, with optional class labels (one per row, or none).
struct Rows {
  ConstMatrixRef x;
  std::span<const std::int32_t> labels = {};
};

struct EpochRecord {
  int epoch = 0;
  // "train_<loss>" for each loss of the step (row-weighted means over the epoch), then
  // "val_<metric>" for each validation metric (NaN without validation rows).
  std::vector<std::pair<std::string, double>> values;
  double lr = 0;       // the first group's scheduled learning rate
  double seconds = 0;  // wall time of the epoch's training steps
  double samples_per_second = 0;

  double value(std::string_view name) const;  // NaN when absent
  nlohmann::json to_json() const;
  static EpochRecord from_json(const nlohmann::json& json);
};

// An epoch stopped between two batches: what finishing it later needs.
struct PartialEpoch {
  int epoch = 0;                  // 0: no epoch in progress
  Index batches_done = 0;         // minibatches of this epoch already trained
  std::vector<double> loss_sums;  // row-weighted sums of each loss over them
  double seconds = 0;             // time spent on them
  Rng::Words noise{};             // the epoch's noise stream after them

  nlohmann::json to_json() const;  // null when no epoch is in progress
  static PartialEpoch from_json(const nlohmann::json& json);
};

// Everything a checkpoint must hold besides the groups' values and optimizer state.
struct TrainerState {
  int epochs_done = 0;
  double best_val_loss = std::numeric_limits<double>::infinity();  // the monitored metric
  int best_epoch = 0;
  int epochs_without_gain = 0;
  std::vector<EpochRecord> history;
  Vector best_values;  // every group's values at best_epoch, in group order (size 0 until one epoch ran)
  Vector best_extra;   // the step's extra_state() at best_epoch
  PartialEpoch partial;  // epoch epochs_done + 1 when a stop request ended it midway

  nlohmann::json history_json() const;  // [EpochRecord::to_json(), ...]
};

// Thrown when a loss becomes NaN or infinite; nothing is written after that point.
class TrainingDiverged : public Error {
 public:
  using Error::Error;
};

// Runs between a group's gradients and its update (clipping; later a gradient all-reduce).
using GradientHook = std::function<void(ParameterGroup&)>;

class Trainer {
 public:
  Trainer(TrainingStep& step, LoopSettings settings);

  // Ends fit() at the next batch boundary once *requested is true (a signal handler sets it).
  void stop_when(const std::atomic<bool>* requested) { stop_requested_ = requested; }
  // Whether the last fit() ended by a stop request (the groups then hold the current values,
  // not the best ones, and state.partial says where the epoch stopped).
  bool interrupted() const { return interrupted_; }

  // Adds a hook after the built-in ones (clip_norm).
  void add_gradient_hook(GradientHook hook) { hooks_.push_back(std::move(hook)); }

  // Trains epochs state.epochs_done + 1 .. settings.epochs on `train`, validating on `val`
  // (may have 0 rows), continuing state.partial's epoch if there is one. After every epoch,
  // and when a stop request ends the loop, calls on_epoch(state) (checkpoints, metrics).
  // Returns "completed", "early stop ..." or "interrupted ...". At the end the step's groups hold the best
  // values (lowest monitored metric; the last ones without validation). A state that already
  // stopped early (epochs_without_gain >= patience, e.g. resumed from its checkpoint) trains
  // nothing.
  std::string fit(Rows train, Rows val, TrainerState& state, Progress* progress,
                  const std::function<void(const TrainerState&)>& on_epoch);

  // One epoch of minibatch steps; returns the row-weighted mean of each loss. Public for
  // benchmarks and the allocation test.
  std::span<const double> train_epoch(Rows train, int epoch, Progress* progress);

  // Every group's values, one after another (what best_values holds), into `values`
  // (resized only when its size differs), and back.
  void copy_group_values(Vector& values) const;
  void set_group_values(std::span<const Scalar> values);
  Index group_value_count() const;

 private:
  class Context;
  double scheduled(double base_lr, int epoch) const;
  // One epoch, from `partial`'s position when it is of this epoch. Returns false when a stop
  // request ended it midway (then `partial` holds the position); null `partial`: never stops.
  bool run_epoch(Rows train, int epoch, Progress* progress, PartialEpoch* partial);
  bool stop_requested() const { return stop_requested_ && stop_requested_->load(std::memory_order_relaxed); }

  TrainingStep& step_;
  LoopSettings settings_;
  std::vector<GradientHook> hooks_;
  std::vector<std::string> loss_names_, metric_names_;
  std::vector<std::int64_t> order_;
  std::vector<std::int32_t> batch_labels_;
  std::vector<double> batch_losses_, loss_sums_, metrics_;
  Workspace batch_;
  const std::atomic<bool>* stop_requested_ = nullptr;
  bool interrupted_ = false;
};

// Trains on every row of x for settings.epochs epochs: no validation, progress or
// checkpoints (a family's own fit(), its tests and benchmarks). Returns the first loss of
// each epoch.
std::vector<double> train_all_rows(TrainingStep& step, ConstMatrixRef x, const LoopSettings& settings);

}  // namespace aekit::train
