#pragma once
// Sparse coding, the model: a dictionary D[K,D] (atoms as rows, ||d_k|| <= 1) whose encoder
// is a LASSO and whose decoder is linear, with the shape of an autoencoder's API:
//   encode       h[N,K] = argmin_h 1/2 ||x - h D||^2 + alpha ||h||_1 per row  (lasso.hpp)
//   decode       x^[N,D] = h D
//   reconstruct  decode(encode(x))
// The dictionary is the model's parameters; fit() learns it (dictionary_learning.hpp) with a
// SparseCodingConfig (atoms, alpha, iterations, batch size, solver, seed, tolerance), which
// it validates first. The encoder uses the config's alpha and LASSO options.
#include <vector>

#include "aekit/models/sparse/dictionary_learning.hpp"
#include "aekit/models/sparse/lasso.hpp"
#include "aekit/models/sparse/sparse_coding_config.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class SparseCoding {
 public:
  // A model from a given dictionary. Throws UsageError for an empty dictionary, alpha < 0 or
  // bad LASSO options.
  SparseCoding(Matrix dictionary, double alpha, const LassoOptions& lasso = {});

  // Learns a dictionary from x[N,D]; `history` (if given) receives the run's objective trace
  // and counters. Throws UsageError for a config that does not fit x.
  static SparseCoding fit(ConstMatrixRef x, const SparseCodingConfig& config,
                          DictionaryLearningResult* history = nullptr);

  // Each throws Error when the width of its input does not match the model.
  Matrix encode(ConstMatrixRef x) const;  // h[N,K], LASSO from zeros
  // Warm start: codes[N,K] holds the start on entry and the codes on return.
  LassoReport encode(ConstMatrixRef x, MatrixRef codes) const;
  Matrix decode(ConstMatrixRef codes) const;  // x^[N,D] = h D
  Matrix reconstruct(ConstMatrixRef x) const { return decode(encode(x)); }
  // F = 1/N (1/2 ||X - H D||_F^2 + alpha ||H||_1) at H = encode(x).
  double objective(ConstMatrixRef x) const;

  Index input_size() const { return dictionary_.cols(); }  // D
  Index code_size() const { return dictionary_.rows(); }   // K
  double alpha() const { return alpha_; }
  const LassoOptions& lasso_options() const { return lasso_; }
  const Matrix& dictionary() const { return dictionary_; }  // the parameters, D[K,D]

 private:
  void check_input(ConstMatrixRef x) const;

  Matrix dictionary_;
  double alpha_ = 1;
  LassoOptions lasso_;
};

}  // namespace aekit::models
