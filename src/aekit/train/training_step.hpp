#pragma once
// What a model family gives the one training loop (train/trainer.hpp): its training step.
//
// The loop owns epochs, seeded shuffling, minibatches (rows and optional labels), validation
// timing, early stopping, checkpoints, --resume, the NaN/Inf guard, progress and metrics. A
// family owns what one minibatch does to its parameters (as Lightning's training_step, or
// Keras' train_step for a GAN's alternating updates):
//
//   groups()        named parameter groups, each a flat block of values and gradients with
//                   its own optimizer and base learning rate (one for an autoencoder; a GAN's
//                   "generator" and "discriminator"; an optimizer-free group for parameters
//                   set by a closed form, a dictionary update or contrastive divergence)
//   step(b, ctx)    one minibatch: forward, backward, then ctx.update(group) for each group
//                   it changes (several times for k discriminator steps), and the batch's
//                   losses in the order of loss_names() (the first is "the" training loss)
//   validate(v)     metrics of the rows held out (and their labels), in the order of metric_names(); early
//                   stopping minimizes metric monitored_metric()
//   extra_state()   what a checkpoint holds beyond the groups' values and optimizer state:
//                   BatchNorm statistics, persistent Gibbs chains, running sufficient
//                   statistics; the loop keeps it with the best epoch's parameters too
//
// ctx.update(group) runs the gradient hooks (norm clipping today; a gradient all-reduce
// across processes later), then the group's optimizer at its scheduled learning rate.
// Randomness comes only from ctx.noise(), a stream the loop derives per epoch, so a resumed
// run is bit-identical to one that never stopped.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "aekit/optim/optimizer.hpp"
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::train {

// Rows with their class labels: one minibatch, gathered in this epoch's shuffled order, or
// the rows held out for validation.
struct Batch {
  ConstMatrixRef x;                   // [B, D]
  std::span<const std::int32_t> labels;  // [B] class labels; empty when the data has none
};

struct ParameterGroup {
  std::string name;                   // "model", "generator", "discriminator", ...
  std::span<Scalar> values, grads;    // [P] each; grads may be empty without an optimizer
  optim::Optimizer* optimizer = nullptr;  // owned by the step; null: the step sets values
  double learning_rate = 0;           // base rate; the loop's schedule scales it per epoch
};

// The loop's services during one minibatch.
class StepContext {
 public:
  virtual ~StepContext() = default;
  // Gradient hooks on group.grads, then group.optimizer->step at the scheduled rate.
  virtual void update(ParameterGroup& group) = 0;
  // This epoch's random stream (corruption, dropout, code noise, sampling).
  virtual Rng& noise() = 0;
  // The scheduled learning rate of a group in this epoch.
  virtual double learning_rate(const ParameterGroup& group) const = 0;
  // Minibatches done before this one over the whole run (0 at the first).
  virtual std::int64_t global_step() const = 0;
};

class TrainingStep {
 public:
  virtual ~TrainingStep() = default;

  // The parameter groups, in a fixed order (checkpoints store them in it).
  virtual std::span<ParameterGroup> groups() = 0;

  // Names of step()'s losses (metrics.jsonl prefixes "train_"); the first is the training
  // loss the progress line shows. Every one is checked for NaN/Inf after each step.
  virtual std::vector<std::string> loss_names() const { return {"loss"}; }
  virtual void step(const Batch& batch, StepContext& context, std::span<double> losses) = 0;

  // Names of validate()'s metrics (metrics.jsonl prefixes "val_"); early stopping keeps the
  // epoch with the lowest metric monitored_metric().
  virtual std::vector<std::string> metric_names() const = 0;
  virtual void validate(const train::Batch& batch, std::span<double> metrics) = 0;
  virtual std::size_t monitored_metric() const { return 0; }

  // State beyond the groups (see above); set_extra_state takes what extra_state gave.
  virtual Vector extra_state() const { return {}; }
  virtual void set_extra_state(std::span<const Scalar> values) {}
};

}  // namespace aekit::train
