#pragma once
// The training step of a VAE (vae.hpp) on the one training loop: one parameter group "model"
// with one optimizer; per minibatch X[B,D]
//   x    = X, or x ~ Bernoulli(X) drawn afresh (config.binarize: dynamic binarization, by
//          models/rbm/rbm_units.hpp's sample_units); a conditional VAE also gets the batch's labels
//   eps ~ N(0, I) [B,L] from the loop's noise stream, z = mu(x) + exp(v(x)/2) * eps
//   L    = 1/B sum_n -log p(x_n|z_n)  +  w_t * 1/B sum_n KL(q(z|x_n) || N(0, I))     (elbo.hpp,
//          loss/gaussian_kl.hpp); w_t = beta * min(1, (t + 1) / kl_warmup) at global step t
//          (kl_warmup = 0: w_t = beta); beta = 1 makes L the negative ELBO
// Losses: "loss" (L), "reconstruction", "kl" (unweighted). Validation: "neg_elbo" (beta 1;
// early stopping keeps its lowest epoch), "reconstruction", "kl", on the held-out rows with one
// fixed draw of the binarization and of eps (the same every epoch).
#include <cstdint>
#include <memory>

#include "aekit/models/vae/vae.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/train/training_step.hpp"

namespace aekit::models {

struct VaeTraining {
  double beta = 1;             // the KL term's weight (beta-VAE)
  std::int64_t kl_warmup = 0;  // minibatches over which the weight rises linearly to beta; 0: none
  void validate() const;       // UsageError naming the bad value
};

class VaeStep final : public train::TrainingStep {
 public:
  // `model` must outlive the step.
  VaeStep(Vae& model, const optim::OptimizerConfig& optimizer, double learning_rate, VaeTraining training);

  std::span<train::ParameterGroup> groups() override { return {&group_, 1}; }
  std::vector<std::string> loss_names() const override { return {"loss", "reconstruction", "kl"}; }
  void step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) override;
  std::vector<std::string> metric_names() const override { return {"neg_elbo", "reconstruction", "kl"}; }
  void validate(const train::Batch& batch, std::span<double> metrics) override;

  // The KL weight w_t at global step t.
  double kl_weight(std::int64_t step) const;

  struct Parts {
    double reconstruction = 0, kl = 0;
  };
  // The two parts for the model's inputs x[N,D] (already binarized when the model is), their
  // labels (a conditional VAE; else empty) and the noise eps[N,L]; with kl_weight >= 0 also
  // the gradients of reconstruction + kl_weight * kl (accumulated into the group's grads).
  // step() and validate() draw x and eps and call it.
  Parts evaluate(ConstMatrixRef inputs, std::span<const std::int32_t> labels, ConstMatrixRef eps, double kl_weight);

 private:
  // One pass over rows X (and labels) with the binarization and eps drawn from `noise`.
  Parts run(const train::Batch& rows, Rng& noise, double kl_weight);
  // x, or x binarized from `noise` when the model is trained on binarized inputs.
  ConstMatrixRef model_inputs(ConstMatrixRef x, Rng& noise);

  Vae& model_;
  VaeTraining training_;
  std::unique_ptr<optim::Optimizer> optimizer_;
  train::ParameterGroup group_;
  Workspace inputs_, eps_, z_, d_out_, d_mu_, d_log_variance_;
};

}  // namespace aekit::models
