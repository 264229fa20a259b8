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

void AutoencoderStep::validate(ConstMatrixRef rows, std::span<double> metrics) {
  const bool bce = objective_.loss() == LossKind::bce;
  const auto m = evaluate_reconstruction(model_, rows, rows, 1024, bce);
  metrics[0] = bce ? m.bce : m.mse;
  metrics[1] = m.mse;
}

}  // namespace aekit::models
