#pragma once
// An RBM on the one training loop: contrastive divergence (CD-k, or persistent CD), three
// parameter groups "weight" W[H,D], "visible_bias" b[1,D], "hidden_bias" c[1,H], each with its
// own optimizer (weight decay on W only). Per minibatch v0[B,D], with samples drawn from the
// loop's noise stream:
//   ph0 = p(h|v0)                         positive phase, means
//   h   = sample(ph0)  (CD) | the chains (PCD)
//   k times: v = sample(p(v|h)), phk = p(h|v), h = sample(phk)  (the last h only for PCD)
//   gradients of -log p(v0) as CD estimates them (the optimizers minimize):
//     dW = (phk^T v - ph0^T v0) / B,  db = mean(v - v0),  dc = mean(phk - ph0)
// Training loss "reconstruction": mean squared error of p(v | sample(ph0)) against v0
// (Hinton's reconstruction error). Validation metrics, on the rows held out:
//   reconstruction         mean squared error of the mean-field up-down pass (what
//                          `aekit reconstruct` gives); early stopping watches it
//   free_energy            mean F(v) of the validation rows
//   free_energy_gap        mean F(validation) - mean F(reference training rows): grows
//                          when the model overfits (Hinton's guide, s. 6)
//   pseudo_log_likelihood  (bernoulli visible units) scikit-learn's estimate per row,
//                          D log sigmoid(F(v~) - F(v)) with v~ = v with one unit flipped, the
//                          unit drawn from a fixed stream (the same units every epoch)
// Buffers grow only when a batch is larger than any before: no allocation after the first
// epoch.
#include <memory>
#include <vector>

#include "aekit/models/rbm/rbm.hpp"
#include "aekit/models/rbm/rbm_training.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/tensor/workspace.hpp"
#include "aekit/train/training_step.hpp"

namespace aekit::models {

class RbmStep final : public train::TrainingStep {
 public:
  // Trains `start`; reference_rows[R,D] are training rows for the free-energy gap.
  RbmStep(Rbm start, const RbmTraining& training, const optim::OptimizerConfig& optimizer,
          double learning_rate, Matrix reference_rows);
  RbmStep(RbmStep&&) = default;

  std::span<train::ParameterGroup> groups() override { return groups_; }
  std::vector<std::string> loss_names() const override { return {"reconstruction"}; }
  void step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) override;
  std::vector<std::string> metric_names() const override;
  void validate(const train::Batch& batch, std::span<double> metrics) override;
  // [persistent chains' hidden states (batch * H) when persistent | q (H) with a sparsity target]
  Vector extra_state() const override;
  void set_extra_state(std::span<const Scalar> values) override;

  const Rbm& rbm() const { return rbm_; }

 private:
  void add_gradients(ConstMatrixRef v0, MatrixRef ph0, ConstMatrixRef v, ConstMatrixRef phk);
  // Mean free energy of rows[N,D].
  double mean_free_energy(ConstMatrixRef rows);

  Rbm rbm_;
  RbmTraining training_;
  Vector grads_;  // laid out as the parameters: [dW | db | dc]
  std::vector<std::unique_ptr<optim::Optimizer>> optimizers_;
  std::vector<train::ParameterGroup> groups_;
  Matrix reference_rows_;
  Matrix chains_;          // [batch, H] persistent chains' hidden states
  RowVector mean_hidden_;  // [H] q, the running mean activation (sparsity target)
  RowVector hidden_sums_, visible_sums_;  // [H], [D] column sums of a minibatch
  Workspace positive_, hidden_, visible_, visible_means_, negative_;
  std::vector<double> free_energy_, flipped_free_energy_;
};

// Up to 1,000 of the training rows x[N,D], evenly spaced: the reference of free_energy_gap.
Matrix free_energy_reference_rows(ConstMatrixRef x);

}  // namespace aekit::models
