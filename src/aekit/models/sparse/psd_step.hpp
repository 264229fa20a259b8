#pragma once
// Predictive sparse decomposition (psd.hpp) on the one training loop: three parameter groups,
// "dictionary" D[K,D], "weight" W[K,D] and "bias" b[1,K], each with its own optimizer (plain
// SGD at PsdConfig::lr for Psd::fit). Per minibatch X[m,D]:
//   H* = psd_infer_codes(X, f(X))           code inference (a LASSO), codes held fixed
//   L  = psd_loss(X, H*), gradients of D, W, b
//   update D, project its atoms onto ||d_k|| <= 1, update W, update b
// Validation: "loss" (mean L at the inferred codes of the rows held out; early stopping
// watches it) and "mse" (of the fast reconstruction f(x) D, what the model file's
// reconstruct gives).
#include <memory>

#include "aekit/models/sparse/psd.hpp"
#include "aekit/train/training_step.hpp"

namespace aekit::models {

class PsdStep final : public train::TrainingStep {
 public:
  // Starts from `start` (psd_initial_parameters); every group gets its own optimizer from
  // `optimizer`, at base rate config.lr.
  PsdStep(PsdParameters start, const PsdConfig& config, const optim::OptimizerConfig& optimizer);

  std::span<train::ParameterGroup> groups() override { return groups_; }
  void step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) override;
  std::vector<std::string> metric_names() const override { return {"loss", "mse"}; }
  void validate(const train::Batch& batch, std::span<double> metrics) override;

  const PsdParameters& parameters() const { return params_; }
  Psd model() const { return Psd(params_, config_); }

 private:
  PsdConfig config_;
  PsdParameters params_, gradients_;
  std::vector<std::unique_ptr<optim::Optimizer>> optimizers_;
  std::vector<train::ParameterGroup> groups_;
};

// The start of training: D = unit-norm data rows drawn by Rng(config.seed).derive("init"),
// W = D, b = 0.
PsdParameters psd_initial_parameters(ConstMatrixRef x, const PsdConfig& config);

}  // namespace aekit::models
