#pragma once
// A small model, objective, training step and trainer set up from a TrainConfig, and checks on
// a model's parameter values.
#include <memory>
#include <vector>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/autoencoder/autoencoder_step.hpp"
#include "aekit/models/autoencoder/objective.hpp"
#include "aekit/tensor/rng.hpp"
#include "aekit/settings/train_config.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::test {

// The model is initialized from `init_rng`. Not movable: the trainer refers to the others.
struct TrainRig {
  TrainRig(train::TrainConfig c, Rng init_rng);
  TrainRig(const TrainRig&) = delete;
  TrainRig& operator=(const TrainRig&) = delete;

  train::TrainConfig config;
  models::Autoencoder model;
  models::Objective objective{config.loss, config.model.output};
  models::AutoencoderStep step;
  std::unique_ptr<train::Trainer> trainer;
};

std::vector<Scalar> values_of(const models::Autoencoder& model);
bool bit_identical(const std::vector<Scalar>& a, const std::vector<Scalar>& b);

}  // namespace aekit::test
