#include "aekit/models/gan/gan_step.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit::models {
namespace {

// The share of logits on the side of 0 that `real` asks for (s > 0 real, s < 0 fake).
double share_right(ConstMatrixRef logits, bool real) {
  Index right = 0;
  for (Index n = 0; n < logits.size(); ++n) right += (logits.data()[n] > 0) == real;
  return double(right) / double(logits.size());
}

double mean_probability(ConstMatrixRef logits) {
  double total = 0;
  for (Index n = 0; n < logits.size(); ++n) total += 1 / (1 + std::exp(-double(logits.data()[n])));
  return total / double(logits.size());
}

}  // namespace

void GanTraining::validate() const {
  if (d_steps < 1) throw UsageError(fmt::format("d_steps: expected at least 1 discriminator step per generator step, found {}", d_steps));
  if (!(discriminator_lr >= 0) || !std::isfinite(discriminator_lr))
    throw UsageError(fmt::format("d_lr: expected a finite learning rate >= 0 (0: the generator's), found {}", discriminator_lr));
  if (!(info_weight >= 0) || !std::isfinite(info_weight))
    throw UsageError(fmt::format("info_weight: expected a finite weight >= 0, found {}", info_weight));
}

GanStep::GanStep(Gan& model, const optim::OptimizerConfig& optimizer, double learning_rate, GanTraining training)
    : model_(model), training_(training), generator_optimizer_(optim::make_optimizer(optimizer)),
      discriminator_optimizer_(optim::make_optimizer(optimizer)) {
  training_.validate();
  const auto values = model.parameters().values(), grads = model.parameters().grads();
  const std::size_t g = std::size_t(model.generator_parameter_count());
  groups_[0] = {"generator", values.first(g), grads.first(g), generator_optimizer_.get(), learning_rate};
  groups_[1] = {"discriminator", values.subspan(g), grads.subspan(g), discriminator_optimizer_.get(),
                training_.discriminator_lr > 0 ? training_.discriminator_lr : learning_rate};
}

std::vector<std::string> GanStep::loss_names() const {
  std::vector<std::string> names{"d_loss", "g_loss", "d_real", "d_fake", "d_accuracy_real", "d_accuracy_fake"};
  if (model_.info_gan()) names.push_back("info_loss");
  return names;
}

void GanStep::discriminator_gradients(ConstMatrixRef x, ConstMatrixRef z, std::span<double> losses,
                                      std::span<const std::int32_t> real_labels,
                                      std::span<const std::int32_t> fake_labels) {
  auto& grads = groups_[1].grads;
  std::fill(grads.begin(), grads.end(), Scalar(0));
  // Real rows: forward and backward before D's caches serve the fakes.
  ConstMatrixRef real_out = model_.discriminate(x, real_labels);
  MatrixMap real_logits = real_logits_.view(real_out.rows(), 1);
  real_logits = real_out;
  MatrixMap d_real = d_real_.view(real_logits.rows(), 1);
  discriminator_real_gradient(real_logits, d_real);
  model_.backward_discriminator(d_real);
  ConstMatrixRef fake_logits = model_.discriminate(model_.generate(z, fake_labels), fake_labels);
  MatrixMap d_fake = d_fake_.view(fake_logits.rows(), 1);
  discriminator_fake_gradient(fake_logits, d_fake);
  model_.backward_discriminator(d_fake);
  losses[0] = discriminator_loss(real_logits, fake_logits);
  losses[1] = generator_loss(training_.generator_loss, fake_logits);
  losses[2] = mean_probability(real_logits);
  losses[3] = mean_probability(fake_logits);
  losses[4] = share_right(real_logits, true);
  losses[5] = share_right(fake_logits, false);
  if (model_.info_gan()) losses[6] = info_loss(model_.config().info(), z, model_.q_output());
}

double GanStep::generator_gradients(ConstMatrixRef z, std::span<const std::int32_t> labels) {
  auto& grads = groups_[0].grads;
  std::fill(grads.begin(), grads.end(), Scalar(0));
  ConstMatrixRef logits = model_.discriminate(model_.generate(z, labels), labels);
  MatrixMap d_fake = d_fake_.view(logits.rows(), 1);
  generator_loss_gradient(training_.generator_loss, logits, d_fake);
  const double loss = generator_loss(training_.generator_loss, logits);
  // D's grads change too; its next step zeroes them.
  if (!model_.info_gan()) {
    model_.backward_generator(model_.backward_discriminator(d_fake));
    return loss;
  }
  const InfoCodes codes = model_.config().info();
  ConstMatrixRef q = model_.q_output();
  last_info_loss_ = info_loss(codes, z, q);
  MatrixMap d_q = d_q_.view(q.rows(), q.cols());
  info_loss_gradient(codes, z, q, d_q);
  d_q *= Scalar(training_.info_weight);
  model_.backward_generator(model_.backward_discriminator_and_q(d_fake, d_q));
  return loss;
}

std::span<const std::int32_t> GanStep::fake_classes(Index n, Rng& noise) {
  if (!model_.conditional()) return {};
  fake_labels_.resize(std::size_t(n));
  for (auto& y : fake_labels_) y = std::int32_t(noise.below(std::uint64_t(model_.condition_classes())));
  return fake_labels_;
}

void GanStep::step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) {
  const Index m = batch.x.rows();
  MatrixMap z = z_.view(m, model_.latent_size());
  model_.set_training(&context.noise());
  model_.draw_codes(context.noise(), z);
  discriminator_gradients(batch.x, z, losses, batch.labels, fake_classes(m, context.noise()));
  context.update(groups_[1]);
  if (!generator_steps_after(context.global_step())) return;
  model_.draw_codes(context.noise(), z);
  generator_gradients(z, fake_classes(m, context.noise()));
  context.update(groups_[0]);
}

}  // namespace aekit::models
