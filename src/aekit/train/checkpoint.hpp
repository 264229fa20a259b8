#pragma once
// Checkpoints: everything needed to continue a run exactly where it stopped.
//
// A checkpoint is a .aek file (written atomically after every epoch) whose header holds the
// model description, the resolved config, the trainer state and the optimizer's step count,
// and whose blob holds, in this order: parameters [P], best parameters [P], then each
// optimizer state array [P] in Optimizer::state() order.
#include <filesystem>

#include "aekit/data/scaling.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::train {

void save_checkpoint(const std::filesystem::path& path, const models::Autoencoder& model,
                     optim::Optimizer& optimizer, const TrainerState& state,
                     const data::Scaling& scaling, Shape input_shape);

// Restores parameters, optimizer state and trainer state. Throws aekit::Error if the
// checkpoint belongs to a different architecture or optimizer. Returns the scaling it holds.
data::Scaling load_checkpoint(const std::filesystem::path& path, models::Autoencoder& model,
                              optim::Optimizer& optimizer, TrainerState& state);

}  // namespace aekit::train
