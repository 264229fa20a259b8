#pragma once
// Online dictionary learning (dictionary_learning.hpp: Mairal et al. 2010 with minibatches
// and scikit-learn's forgetting factor) on the one training loop. One parameter group,
// "dictionary" D[K,D], without an optimizer: the step sets it by block coordinate descent.
// At global step t (the loop's count of minibatches over the run), for X_t[m,D]:
//   H_t = LASSO(X_t, D) from zeros                   loss: F(H_t, D) on X_t
//   A <- beta A + H_t^T H_t / m,  B <- beta B + H_t^T X_t / m   (beta from t and m)
//   one pass over the atoms with A, B; unused atoms are resampled from X_t with the loop's
//   noise stream
// Extra state (what --resume needs beyond D): A[K,K] then B[K,D].
// Validation: "objective", F(LASSO(X, D), D) on the rows held out.
#include "aekit/models/sparse/lasso.hpp"
#include "aekit/models/sparse/sparse_coding_config.hpp"
#include "aekit/train/training_step.hpp"

namespace aekit::models {

class DictionaryStep final : public train::TrainingStep {
 public:
  // `config` is validated; `start` is the dictionary [config.atoms, D] to begin from.
  DictionaryStep(const SparseCodingConfig& config, Matrix start);

  std::span<train::ParameterGroup> groups() override { return {&group_, 1}; }
  std::vector<std::string> loss_names() const override { return {"objective"}; }
  void step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) override;
  std::vector<std::string> metric_names() const override { return {"objective"}; }
  void validate(const train::Batch& batch, std::span<double> metrics) override;
  Vector extra_state() const override;
  void set_extra_state(std::span<const Scalar> values) override;

  const Matrix& dictionary() const { return dictionary_; }
  Index replaced_atoms() const { return replaced_atoms_; }  // over the steps of this object
  const LassoReport& last_lasso() const { return last_lasso_; }

 private:
  SparseCodingConfig config_;
  Matrix dictionary_, a_, b_, batch_a_, batch_b_, codes_;
  train::ParameterGroup group_;
  Index replaced_atoms_ = 0;
  LassoReport last_lasso_;
};

// scikit-learn's forgetting factor for step t (from 0) of m rows: old statistics weigh beta.
double forgetting_factor(Index t, Index m);

}  // namespace aekit::models
