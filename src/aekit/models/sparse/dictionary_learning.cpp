#include "aekit/models/sparse/dictionary_learning.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/models/sparse/dictionary_init.hpp"
#include "aekit/models/sparse/dictionary_update.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

DictionaryLearningResult learn_dictionary(ConstMatrixRef x, const SparseCodingConfig& config) {
  config.validate(x.rows(), x.cols());
  Rng rng = Rng(config.seed).derive("init");
  return learn_dictionary(x, config, initial_dictionary(x, config.atoms, config.init, rng));
}

DictionaryLearningResult learn_dictionary(ConstMatrixRef x, const SparseCodingConfig& config,
                                          Matrix dictionary) {
  config.validate(x.rows(), x.cols());
  if (dictionary.rows() != config.atoms || dictionary.cols() != x.cols())
    throw UsageError(fmt::format(
        "the initial dictionary must be [atoms, features] = [{}, {}], found [{}, {}]",
        config.atoms, x.cols(), dictionary.rows(), dictionary.cols()));
  return config.batch_size == 0 ? learn_dictionary_batch(x, config, std::move(dictionary))
                                : learn_dictionary_online(x, config, std::move(dictionary));
}

DictionaryLearningResult learn_dictionary_batch(ConstMatrixRef x,
                                                const SparseCodingConfig& config,
                                                Matrix dictionary) {
  const Index n = x.rows(), k = config.atoms;
  DictionaryLearningResult result;
  Rng atoms_rng = Rng(config.seed).derive("atoms");
  Matrix codes = Matrix::Zero(n, k), a(k, k), b(k, x.cols());
  for (int iteration = 0; iteration < config.iterations; ++iteration) {
    result.last_lasso = lasso(x, dictionary, config.alpha, config.lasso, codes);
    gemm_tn(codes, codes, a);  // A = H^T H
    gemm_tn(codes, x, b);      // B = H^T X
    result.replaced_atoms += update_dictionary(a, b, x, atoms_rng, dictionary, &codes);
    result.objective.push_back(sparse_coding_objective(x, dictionary, codes, config.alpha));
  }
  result.dictionary = std::move(dictionary);
  return result;
}

}  // namespace aekit::models
