#pragma once
// Checkpoints: everything needed to continue a run of any model family exactly where it
// stopped.
//
// A checkpoint is a .aek file (io/model_file.hpp, written atomically after every epoch).
// Its header is the caller's (the model description, scaling, input shape: what identifies
// the run) plus "checkpoint": the trainer state (epochs, best epoch, history) and, per
// parameter group of the TrainingStep, its name, size, optimizer step count and state array
// names, and the unfinished epoch a stop request left (train::PartialEpoch; null if none). The blob holds, in this order:
//   each group's values [P_g]          the current parameters, groups in order
//   best values [sum P_g]              at the best epoch
//   each group's optimizer arrays      [P_g] each, in Optimizer::state() order
//   extra state [E], best extra [E]    TrainingStep::extra_state() (BatchNorm statistics, ...)
// With one group this is the layout of the autoencoder checkpoints written before groups
// existed, which still load (their header has the optimizer fields at the top level).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <utility>

#include "aekit/io/model_file.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::store {

// The checkpoint's file as it stands now (a snapshot: training may go on while it is written).
io::ModelFile checkpoint_file(nlohmann::json header, train::TrainingStep& step,
                              const train::TrainerState& state);

inline void save_checkpoint(const std::filesystem::path& path, nlohmann::json header,
                            train::TrainingStep& step, const train::TrainerState& state) {
  io::save_model_file(path, checkpoint_file(std::move(header), step, state));
}

// Restores the groups' values, their optimizers' state, the step's extra state and the
// trainer state; returns the file's header. Throws aekit::Error naming the file when it is not
// a checkpoint, holds another model than `expected_model` (header["model"] must equal it), or
// was written with other groups or optimizers.
nlohmann::json load_checkpoint(const std::filesystem::path& path, const nlohmann::json& expected_model,
                               train::TrainingStep& step, train::TrainerState& state);

}  // namespace aekit::store
