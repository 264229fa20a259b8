#pragma once
// The training step of an EncoderClassifier (encoder_classifier.hpp) on the one training
// loop (train/training_step.hpp). Per minibatch of labelled rows X[B,D], labels y[B]:
//   alpha = 0:  L = CE(z, y)                     z = W encoder(X) + b  (softmax cross-entropy)
//   alpha > 0:  L = CE(z, y) + alpha * L_rec(R)  lecture 002's hybrid objective
// L_rec is the autoencoder's reconstruction loss (mse or bce, mean over the entries of R,
// models/autoencoder/objective.hpp) of R = [X; U]: U[B,D] are rows drawn uniformly, with
// replacement, from the unlabelled pool by the loop's noise stream (semi-supervised: every
// step sees as many unlabelled rows as labelled ones), or R = X when there is no pool. CE's
// gradient reaches the encoder through the labelled rows' codes, L_rec's through every row
// of R; alpha = 0 runs the encoder and head only.
//
// Groups: "autoencoder" (every encoder and decoder parameter) and "head" (W, b), each with
// an optimizer of the run's kind and the same base rate. Losses: "cross_entropy", or "loss",
// "cross_entropy", "reconstruction". Validation on held-out labelled rows: "cross_entropy"
// (early stopping keeps its lowest epoch) and "error" (1 - accuracy).
#include <array>
#include <memory>

#include "aekit/models/autoencoder/objective.hpp"
#include "aekit/models/classifier/encoder_classifier.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/tensor/workspace.hpp"
#include "aekit/train/training_step.hpp"

namespace aekit::models {

struct HybridObjective {
  double reconstruction_weight = 0;  // alpha >= 0
  LossKind loss = LossKind::bce;     // of L_rec
  Matrix unlabelled;                 // the pool U is drawn from; 0 rows: R = X
};

class ClassifierStep final : public train::TrainingStep {
 public:
  // `model` must outlive the step.
  ClassifierStep(EncoderClassifier& model, const optim::OptimizerConfig& optimizer, double learning_rate,
                 HybridObjective hybrid);

  std::span<train::ParameterGroup> groups() override { return groups_; }
  std::vector<std::string> loss_names() const override;
  void step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) override;
  std::vector<std::string> metric_names() const override { return {"cross_entropy", "error"}; }
  void validate(const train::Batch& rows, std::span<double> metrics) override;

 private:
  // dL/dh[B,K] of the CE of the head's scores of codes h[B,K] against y (into `loss`),
  // accumulating the head's gradients.
  ConstMatrixRef head_backward(ConstMatrixRef h, std::span<const int> labels, double& loss);
  // R = [X; U] (U drawn from the pool) or X.
  ConstMatrixRef reconstruction_rows(ConstMatrixRef x, Rng& noise);

  EncoderClassifier& model_;
  HybridObjective hybrid_;
  Objective objective_;
  std::unique_ptr<optim::Optimizer> autoencoder_optimizer_, head_optimizer_;
  std::array<train::ParameterGroup, 2> groups_;
  Workspace score_gradient_, rows_;
};

}  // namespace aekit::models
