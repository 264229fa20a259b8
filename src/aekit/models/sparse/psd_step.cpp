#include "aekit/models/sparse/psd_step.hpp"

#include "aekit/loss/mse.hpp"
#include "aekit/models/sparse/dictionary_init.hpp"
#include "aekit/models/sparse/dictionary_update.hpp"

namespace aekit::models {
namespace {

std::span<Scalar> values_of(MatrixRef m) { return {m.data(), std::size_t(m.size())}; }

}  // namespace

PsdParameters psd_initial_parameters(ConstMatrixRef x, const PsdConfig& config) {
  Rng init = Rng(config.seed).derive("init");
  PsdParameters p;
  p.dictionary = initial_dictionary(x, config.atoms, DictionaryInit::data, init);
  p.weight = p.dictionary;
  p.bias = RowVector::Zero(config.atoms);
  return p;
}

PsdStep::PsdStep(PsdParameters start, const PsdConfig& config,
                 const optim::OptimizerConfig& optimizer)
    : config_(config), params_(std::move(start)) {
  gradients_ = params_;
  const std::pair<const char*, std::pair<MatrixRef, MatrixRef>> blocks[] = {
      {"dictionary", {params_.dictionary, gradients_.dictionary}},
      {"weight", {params_.weight, gradients_.weight}},
      {"bias", {params_.bias, gradients_.bias}}};
  for (const auto& [name, block] : blocks) {
    optimizers_.push_back(optim::make_optimizer(optimizer));
    groups_.push_back({name, values_of(block.first), values_of(block.second),
                       optimizers_.back().get(), config.lr});
  }
}

void PsdStep::step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) {
  const Matrix codes = psd_infer_codes(batch.x, psd_predict(batch.x, params_), params_,
                                       config_.lambda, config_.gamma, config_.lasso);
  losses[0] = psd_loss(batch.x, codes, params_, config_.lambda, config_.gamma, &gradients_);
  context.update(groups_[0]);
  project_atoms_to_unit_ball(params_.dictionary);
  context.update(groups_[1]);
  context.update(groups_[2]);
}

void PsdStep::validate(const train::Batch& batch, std::span<double> metrics) {
  const Matrix predictions = psd_predict(batch.x, params_);
  const Matrix codes = psd_infer_codes(batch.x, predictions, params_, config_.lambda,
                                       config_.gamma, config_.lasso);
  metrics[0] = psd_loss(batch.x, codes, params_, config_.lambda, config_.gamma);
  metrics[1] = loss::mse(predictions * params_.dictionary, batch.x);
}

}  // namespace aekit::models
