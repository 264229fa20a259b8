#pragma once
// Predictive sparse decomposition (Kavukcuoglu, Ranzato & LeCun 2008): sparse coding with a
// feed-forward encoder trained to predict the optimal codes, so that encoding needs no
// optimization. For a row x[1,D] (psd_loss.hpp has the gradients):
//   decoder  x^ = h D                   D[K,D], atoms as rows, ||d_k|| <= 1
//   encoder  f(x) = tanh(x W^T + b)     W[K,D], b[1,K]
//   loss     L = 1/2 ||x - h D||^2 + lambda ||h||_1 + gamma/2 ||h - f(x)||^2
// Training (PsdStep, psd_step.hpp, on the one training loop) alternates, per minibatch
// X_t[m,D] (rows shuffled per epoch e = 1, 2, ... by Rng(seed).derive("shuffle", e)):
//   code inference  H* = argmin_H L, a LASSO on the augmented problem
//                     ||x - hD||^2 + gamma ||f - h||^2 = ||[x, sqrt(gamma) f] - h [D, sqrt(gamma) I]||^2
//                   i.e. lasso() with x' = [x | sqrt(gamma) f(x)], D' = [D | sqrt(gamma) I],
//                   warm-started from f(x)
//   one optimizer step on D (then each atom projected onto ||d_k|| <= 1) and on W, b, with
//   the gradients of mean L at H* (psd_loss.hpp); fit() uses plain gradient steps of size lr
// The objective per epoch is the mean of L at H* before the steps over its batches, weighted
// by their rows (the loop's mean of a loss).
// Start: D = unit-norm data rows (initial_dictionary, init data, Rng(seed).derive("init")),
// W = D, b = 0, so f starts as tanh of the correlations with the atoms.
#include <cstdint>
#include <vector>

#include "aekit/models/sparse/psd_loss.hpp"
#include "aekit/models/sparse/sparse_coding_config.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct PsdConfig {
  Index atoms = 100;      // K
  double lambda = 0.5;    // weight of ||h||_1
  double gamma = 1;       // weight of the prediction error ||h - f(x)||^2 / 2
  double lr = 0.01;       // gradient step on D, W, b
  int epochs = 10;
  Index batch_size = 64;  // more than N rows: N
  std::uint64_t seed = 0;
  LassoOptions lasso{};   // code inference

  // Throws UsageError: atoms in [1, kMaxAtoms], lambda finite >= 0, gamma and lr finite > 0,
  // epochs >= 1, batch_size >= 1, lasso.validate(); with the data: rows and columns >= 1 and
  // atoms <= rows (the atoms start as data rows).
  void validate() const;
  void validate(Index samples, Index features) const;
};

class Psd {
 public:
  // A model from given parameters (a model file); `config` gives lambda, gamma and the LASSO
  // options of infer().
  Psd(PsdParameters params, const PsdConfig& config) : params_(std::move(params)), config_(config) {}
  // Trains on x[N,D]; `objective` (if given) receives one value per epoch.
  static Psd fit(ConstMatrixRef x, const PsdConfig& config,
                 std::vector<double>* objective = nullptr);

  // Each throws Error when the width of its input does not match the model.
  Matrix encode(ConstMatrixRef x) const;  // f(x) [N,K], the fast encoder
  static Activation code_activation() { return Activation::tanh; }
  Matrix infer(ConstMatrixRef x) const;   // H* [N,K], the optimal codes
  Matrix decode(ConstMatrixRef codes) const;  // h D
  Matrix reconstruct(ConstMatrixRef x) const { return decode(encode(x)); }

  Index input_size() const { return params_.dictionary.cols(); }
  Index code_size() const { return params_.dictionary.rows(); }
  const PsdParameters& parameters() const { return params_; }
  const PsdConfig& config() const { return config_; }

 private:
  void check_width(Index columns, Index expected, const char* what) const;

  PsdParameters params_;
  PsdConfig config_;
};

// H* for rows x given predictions f = f(x) (see above).
Matrix psd_infer_codes(ConstMatrixRef x, ConstMatrixRef predictions, const PsdParameters& p,
                       double lambda, double gamma, const LassoOptions& lasso);

}  // namespace aekit::models
