#pragma once
// Dictionary learning: the dictionary D[K,D] (atoms as rows, ||d_k|| <= 1) and codes H[N,K]
// that minimize, for data X[N,D],
//   F(H, D) = 1/N (1/2 ||X - H D||_F^2 + alpha ||H||_1)
// by alternating LASSO for the codes (lasso.hpp) and block coordinate descent for the atoms
// (dictionary_update.hpp). scikit-learn minimizes N F (the same minimizers): its
// DictionaryLearning's error_ values are N F, MiniBatchDictionaryLearning's batch cost is F
// over one batch.
//
// batch (config.batch_size == 0), as scikit-learn's dict_learning; each iteration:
//   H <- LASSO(X, D), warm-started from the previous H (zeros at first)
//   A = H^T H, B = H^T X; one pass over the atoms
//   objective[i] = F(H, D) with the updated D (= scikit-learn's error_[i] / N); it never
//   increases when the LASSO is solved exactly
// online (batch_size b > 0), Mairal et al. 2010's Algorithm 1 with minibatches and
// scikit-learn's forgetting factor. Each epoch visits the rows in a new order (shuffled by
// Rng(seed).derive("shuffle", epoch) for epochs 1, 2, ...), m = b rows a step (the last step of an epoch gets what
// is left); at step t = 0, 1, 2, ... over the whole run:
//   H_t = LASSO(X_t, D) from zeros
//   theta = (t + 1) m if t < m - 1, else m^2 + t + 1 - m;   beta = (theta + 1 - m) / (theta + 1)
//   A <- beta A + H_t^T H_t / m,   B <- beta B + H_t^T X_t / m     (A, B start at 0)
//   one pass over the atoms with A, B (unused atoms are resampled from X_t)
//   objective[epoch] = the mean over the epoch's steps of F(H_t, D) on X_t before the update,
//   weighted by their rows
//   (scikit-learn's batch cost), a running estimate; SparseCoding::objective(X) gives F at
//   the end.
// The online algorithm is DictionaryStep (dictionary_step.hpp) on the one training loop.
// Randomness: the initial atoms come from Rng(seed).derive("init"); resampled atoms from
// derive("atoms") (batch) or the loop's per-epoch stream derive("noise", epoch) (online):
// same seed, same thread count, same dictionary.
#include <vector>

#include "aekit/models/sparse/lasso.hpp"
#include "aekit/models/sparse/sparse_coding_config.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct DictionaryLearningResult {
  Matrix dictionary;              // [K,D]
  std::vector<double> objective;  // one value per iteration (batch) or epoch (online)
  Index replaced_atoms = 0;       // unused atoms resampled over the run
  LassoReport last_lasso;         // of the last iteration (batch) or step (online)
};

// Starts from initial_dictionary(x, K, config.init, ...). Throws UsageError for a config
// that does not fit x (SparseCodingConfig::validate).
DictionaryLearningResult learn_dictionary(ConstMatrixRef x, const SparseCodingConfig& config);
// Starts from `dictionary` [config.atoms, x.cols()] (e.g. another program's, to compare).
DictionaryLearningResult learn_dictionary(ConstMatrixRef x, const SparseCodingConfig& config,
                                          Matrix dictionary);

// The two algorithms; `dictionary` holds the start. The config is already validated.
DictionaryLearningResult learn_dictionary_batch(ConstMatrixRef x,
                                                const SparseCodingConfig& config,
                                                Matrix dictionary);
DictionaryLearningResult learn_dictionary_online(ConstMatrixRef x,
                                                 const SparseCodingConfig& config,
                                                 Matrix dictionary);

}  // namespace aekit::models
