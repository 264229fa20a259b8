#pragma once
// The training step of an autoencoder (mlp or conv, any regularizer) on the one training
// loop (models/training_step.hpp): one parameter group "model" (every weight and bias) with
// one optimizer; per minibatch X[B,D]
//   L = objective(model, X)   (reconstruction loss + penalties, corruption and code noise
//                              drawn from the loop's noise stream; models/autoencoder/objective.hpp)
//   then the group's update (gradient hooks, optimizer).
// Validation: "loss" (the objective's reconstruction loss, MSE or BCE; early stopping and the
// best epoch go by it) and "mse" (of the clean rows' reconstruction). With a corruption,
// "loss" scores the reconstruction of the rows corrupted by it against the clean rows (the
// denoising objective the model is trained for; the same draw every epoch), so the epoch kept
// is the best denoiser, not the best reconstructor of clean rows. Extra state: the BatchNorm
// running statistics.
#include <memory>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/autoencoder/objective.hpp"
#include "aekit/tensor/workspace.hpp"
#include "aekit/train/training_step.hpp"

namespace aekit::models {

class AutoencoderStep final : public train::TrainingStep {
 public:
  // `model` and `objective` must outlive the step.
  AutoencoderStep(Autoencoder& model, Objective& objective,
                  std::unique_ptr<optim::Optimizer> optimizer, double learning_rate);

  std::span<train::ParameterGroup> groups() override { return {&group_, 1}; }
  void step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) override;
  std::vector<std::string> metric_names() const override { return {"loss", "mse"}; }
  void validate(const train::Batch& batch, std::span<double> metrics) override;
  Vector extra_state() const override { return model_.buffer_values(); }
  void set_extra_state(std::span<const Scalar> values) override { model_.set_buffer_values(values); }

  optim::Optimizer& optimizer() { return *optimizer_; }

 private:
  Autoencoder& model_;
  Objective& objective_;
  std::unique_ptr<optim::Optimizer> optimizer_;
  train::ParameterGroup group_;
  Workspace corrupted_rows_;
};

}  // namespace aekit::models
