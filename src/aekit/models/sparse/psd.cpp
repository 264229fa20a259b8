#include "aekit/models/sparse/psd.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/models/sparse/psd_step.hpp"
#include "aekit/models/sparse/lasso.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::models {
namespace {

void require_positive(double value, const char* name) {
  if (!std::isfinite(value) || value <= 0)
    throw UsageError(fmt::format("{} must be > 0, found {}", name, value));
}

}  // namespace

void PsdConfig::validate() const {
  validate_atoms(atoms);
  validate_l1_weight(lambda, "lambda");
  require_positive(gamma, "gamma");
  require_positive(lr, "learning rate");
  if (epochs < 1) throw UsageError(fmt::format("epochs must be >= 1, found {}", epochs));
  if (batch_size < 1)
    throw UsageError(fmt::format("batch size must be >= 1, found {}", batch_size));
  lasso.validate();
}

void PsdConfig::validate(Index samples, Index features) const {
  validate();
  if (samples < 1 || features < 1)
    throw UsageError(fmt::format("PSD needs at least one row and one column, found {} x {}",
                                 samples, features));
  if (atoms > samples)
    throw UsageError(fmt::format(
        "PSD starts its {} atoms from distinct data rows, found only {} rows", atoms, samples));
}

Matrix psd_infer_codes(ConstMatrixRef x, ConstMatrixRef predictions, const PsdParameters& p,
                       double lambda, double gamma, const LassoOptions& lasso_options) {
  const Index m = x.rows(), d = x.cols(), k = p.dictionary.rows();
  const Scalar root = Scalar(std::sqrt(gamma));
  Matrix x_aug(m, d + k), d_aug(k, d + k);
  x_aug.leftCols(d) = x;
  x_aug.rightCols(k) = root * predictions;
  d_aug.leftCols(d) = p.dictionary;
  d_aug.rightCols(k) = root * Matrix::Identity(k, k);
  Matrix codes = predictions;  // warm start from the encoder's guess
  lasso(x_aug, d_aug, lambda, lasso_options, codes);
  return codes;
}

Psd Psd::fit(ConstMatrixRef x, const PsdConfig& config, std::vector<double>* objective) {
  config.validate(x.rows(), x.cols());
  optim::OptimizerConfig plain_step;
  plain_step.kind = "sgd";
  PsdStep step(psd_initial_parameters(x, config), config, plain_step);
  train::LoopSettings settings;
  settings.epochs = config.epochs;
  settings.batch = config.batch_size;
  settings.seed = config.seed;
  settings.patience = 0;
  const std::vector<double> losses = train::train_all_rows(step, x, settings);
  if (objective) *objective = losses;
  return step.model();
}

void Psd::check_width(Index columns, Index expected, const char* what) const {
  if (columns != expected)
    throw Error(fmt::format("PSD model expects {} {}, found {} columns", expected, what,
                            columns));
}

Matrix Psd::encode(ConstMatrixRef x) const {
  check_width(x.cols(), input_size(), "inputs");
  return psd_predict(x, params_);
}

Matrix Psd::infer(ConstMatrixRef x) const {
  check_width(x.cols(), input_size(), "inputs");
  return psd_infer_codes(x, psd_predict(x, params_), params_, config_.lambda, config_.gamma,
                         config_.lasso);
}

Matrix Psd::decode(ConstMatrixRef codes) const {
  check_width(codes.cols(), code_size(), "code units");
  Matrix x(codes.rows(), input_size());
  gemm_nn(codes, params_.dictionary, x);
  return x;
}

}  // namespace aekit::models
