#include "aekit/models/sparse/psd.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "aekit/error.hpp"
#include "aekit/models/sparse/dictionary_init.hpp"
#include "aekit/models/sparse/dictionary_update.hpp"
#include "aekit/models/sparse/lasso.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/rng.hpp"

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
  const Index n = x.rows(), batch = std::min(config.batch_size, n);
  Rng init = Rng(config.seed).derive("init");
  PsdParameters p;
  p.dictionary = initial_dictionary(x, config.atoms, DictionaryInit::data, init);
  p.weight = p.dictionary;
  p.bias = RowVector::Zero(config.atoms);
  PsdParameters gradients;
  Matrix batch_x(batch, x.cols());
  std::vector<std::int64_t> order(static_cast<std::size_t>(n));
  const Scalar lr = Scalar(config.lr);
  if (objective) objective->clear();
  for (int epoch = 0; epoch < config.epochs; ++epoch) {
    std::iota(order.begin(), order.end(), 0);
    Rng shuffle = Rng(config.seed).derive("shuffle", std::uint64_t(epoch));
    shuffle.shuffle(order);
    double total = 0;
    Index steps = 0;
    for (Index first = 0; first < n; first += batch, ++steps) {
      const Index m = std::min(batch, n - first);
      for (Index i = 0; i < m; ++i)
        batch_x.row(i) = x.row(Index(order[std::size_t(first + i)]));
      const auto xt = batch_x.topRows(m);
      const Matrix codes = psd_infer_codes(xt, psd_predict(xt, p), p, config.lambda,
                                           config.gamma, config.lasso);
      total += psd_loss(xt, codes, p, config.lambda, config.gamma, &gradients);
      p.dictionary -= lr * gradients.dictionary;
      project_atoms_to_unit_ball(p.dictionary);
      p.weight -= lr * gradients.weight;
      p.bias -= lr * gradients.bias;
    }
    if (objective) objective->push_back(total / double(steps));
  }
  return Psd(std::move(p), config);
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
