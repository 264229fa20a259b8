#pragma once
// The training step of a GAN (gan.hpp) on the one training loop, lecture 000's algorithm:
// every minibatch X[m,D] of the loop is one discriminator step, and every k-th one (k =
// d_steps) is followed by one generator step, so the k discriminator steps of each round see k
// fresh minibatches of real rows and of noise:
//   discriminator  z ~ N(0, I) [m,Z];  L_D on D's logits of X and of G(z);  update D only
//   generator      (after batches k, 2k, ...) fresh z [m,Z];  L_G on D's logits of G(z),
//                  backpropagated through D into G;  update G only
// (gan_loss.hpp: L_D and the minimax or non-saturating L_G). A conditional GAN judges the real
// rows with their labels, and its fakes are drawn for classes uniform over 0..C-1 (fresh for
// every batch of noise). An InfoGAN's generator step minimizes L_G + lambda L_I (info_loss.hpp;
// lambda = info_weight) in the generator and Q. Two parameter groups,
// "generator" and "discriminator", each with its own optimizer and learning rate.
// Losses per minibatch: "d_loss", "g_loss" (L_G on the discriminator step's fakes, so every
// batch has one), "d_real" and "d_fake" (the means of D(x) and D(G(z))), "d_accuracy_real" and
// "d_accuracy_fake" (the shares D gets right: D(x) > 1/2, D(G(z)) < 1/2), and an InfoGAN's
// "info_loss" (L_I on the discriminator step's fakes). A GAN has no
// validation metric (no loss of held-out rows says how good the samples are), so the loop
// keeps the last epoch and never stops early.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "aekit/models/gan/gan.hpp"
#include "aekit/models/gan/gan_loss.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/train/training_step.hpp"

namespace aekit::models {

struct GanTraining {
  GeneratorLoss generator_loss = GeneratorLoss::non_saturating;
  Index d_steps = 1;                  // k
  double discriminator_lr = 0;        // 0: the generator's
  double info_weight = 1;             // lambda, InfoGAN's weight of L_I
  void validate() const;              // UsageError naming the bad value
};

class GanStep final : public train::TrainingStep {
 public:
  // `model` must outlive the step.
  GanStep(Gan& model, const optim::OptimizerConfig& optimizer, double learning_rate, GanTraining training);

  std::span<train::ParameterGroup> groups() override { return groups_; }
  std::vector<std::string> loss_names() const override;
  void step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) override;
  std::vector<std::string> metric_names() const override { return {}; }
  void validate(const train::Batch&, std::span<double>) override {}
  // Batch norm's running statistics (checkpoints: --resume is bit-identical).
  Vector extra_state() const override { return model_.buffers().values(); }
  void set_extra_state(std::span<const Scalar> values) override { model_.buffers().set_values(values); }

  // (The model must be in training mode, Gan::set_training, for batch statistics.)
  // One discriminator step's gradients (into the discriminator's grads, zeroed first) for real
  // rows x[m,D] and noise z[n,Z] (a conditional GAN: with the labels of both); fills losses as
  // step() does.
  void discriminator_gradients(ConstMatrixRef x, ConstMatrixRef z, std::span<double> losses,
                               std::span<const std::int32_t> real_labels = {},
                               std::span<const std::int32_t> fake_labels = {});
  // One generator step's gradients (into the generator's grads, zeroed first) for codes z[n,Z]
  // (and its labels); returns L_G (an InfoGAN's L_I in last_info_loss()).
  double generator_gradients(ConstMatrixRef z, std::span<const std::int32_t> labels = {});
  // Whether global step t (minibatches before this one) ends a round of k discriminator steps.
  bool generator_steps_after(std::int64_t t) const { return (t + 1) % training_.d_steps == 0; }
  double last_info_loss() const { return last_info_loss_; }

 private:
  Gan& model_;
  GanTraining training_;
  std::unique_ptr<optim::Optimizer> generator_optimizer_, discriminator_optimizer_;
  train::ParameterGroup groups_[2];
  // Uniform classes for n fakes of a conditional GAN (none for an unconditional one).
  std::span<const std::int32_t> fake_classes(Index n, Rng& noise);

  Workspace z_, real_logits_, d_real_, d_fake_, d_q_;
  double last_info_loss_ = 0;
  std::vector<std::int32_t> fake_labels_;
};

}  // namespace aekit::models
