#include "aekit/models/autoencoder/autoencoder_step.hpp"

namespace aekit::models {

AutoencoderStep::AutoencoderStep(Autoencoder& model, Objective& objective,
                                 std::unique_ptr<optim::Optimizer> optimizer, double learning_rate)
    : model_(model), objective_(objective), optimizer_(std::move(optimizer)),
      group_{"model", model.parameters().values(), model.parameters().grads(), optimizer_.get(),
             learning_rate} {}

void AutoencoderStep::step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) {
  losses[0] = objective_.compute_gradients(model_, batch.x, &context.noise());
  context.update(group_);
}

void AutoencoderStep::validate(const train::Batch& batch, std::span<double> metrics) {
  const bool bce = objective_.loss() == LossKind::bce;
  const auto clean = evaluate_reconstruction(model_, batch.x, batch.x, 1024, bce);
  metrics[0] = bce ? clean.bce : clean.mse;
  metrics[1] = clean.mse;
  const Corruption& corruption = objective_.regularization().corruption;
  if (!corruption.active()) return;
  MatrixMap corrupted = corrupted_rows_.view(batch.x.rows(), batch.x.cols());
  Rng noise = Rng(0).derive("validation_noise");
  corruption.apply(batch.x, corrupted, noise);
  const auto denoised = evaluate_reconstruction(model_, corrupted, batch.x, 1024, bce);
  metrics[0] = bce ? denoised.bce : denoised.mse;
}

}  // namespace aekit::models
