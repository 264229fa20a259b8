#include "aekit/models/sparse/dictionary_step.hpp"

#include "aekit/error.hpp"
#include "aekit/models/sparse/dictionary_update.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::models {

double forgetting_factor(Index t, Index m) {
  const double theta = t < m - 1 ? double(t + 1) * double(m) : double(m) * m + t + 1 - m;
  return (theta + 1 - double(m)) / (theta + 1);
}

DictionaryStep::DictionaryStep(const SparseCodingConfig& config, Matrix start)
    : config_(config), dictionary_(std::move(start)),
      a_(Matrix::Zero(config.atoms, config.atoms)), b_(Matrix::Zero(config.atoms, dictionary_.cols())),
      batch_a_(config.atoms, config.atoms), batch_b_(config.atoms, dictionary_.cols()),
      group_{"dictionary", {dictionary_.data(), std::size_t(dictionary_.size())}, {}, nullptr, 0} {}

void DictionaryStep::step(const train::Batch& batch, train::StepContext& context,
                          std::span<double> losses) {
  const auto xt = batch.x;
  const Index m = xt.rows();
  codes_.resize(std::max(codes_.rows(), m), config_.atoms);
  auto ht = codes_.topRows(m);
  ht.setZero();
  last_lasso_ = lasso(xt, dictionary_, config_.alpha, config_.lasso, ht);
  losses[0] = last_lasso_.objective;  // F(H_t, D) on X_t
  gemm_tn(ht, ht, batch_a_);  // H_t^T H_t
  gemm_tn(ht, xt, batch_b_);  // H_t^T X_t
  const Scalar beta = Scalar(forgetting_factor(Index(context.global_step()), m));
  const Scalar scale = Scalar(1.0 / double(m));
  a_ = beta * a_ + scale * batch_a_;
  b_ = beta * b_ + scale * batch_b_;
  replaced_atoms_ += update_dictionary(a_, b_, xt, context.noise(), dictionary_);
}

void DictionaryStep::validate(const train::Batch& batch, std::span<double> metrics) {
  Matrix codes = Matrix::Zero(batch.x.rows(), config_.atoms);
  metrics[0] = lasso(batch.x, dictionary_, config_.alpha, config_.lasso, codes).objective;
}

Vector DictionaryStep::extra_state() const {
  Vector state(a_.size() + b_.size());
  state << a_.reshaped<Eigen::RowMajor>(), b_.reshaped<Eigen::RowMajor>();
  return state;
}

void DictionaryStep::set_extra_state(std::span<const Scalar> values) {
  AEKIT_ASSERT(Index(values.size()) == a_.size() + b_.size());
  std::copy_n(values.begin(), a_.size(), a_.data());
  std::copy(values.begin() + a_.size(), values.end(), b_.data());
}

}  // namespace aekit::models
