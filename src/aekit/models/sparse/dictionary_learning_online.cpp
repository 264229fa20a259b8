// The online algorithm of dictionary_learning.hpp (Mairal et al. 2010, minibatches).
#include <algorithm>
#include <numeric>

#include "aekit/models/sparse/dictionary_learning.hpp"
#include "aekit/models/sparse/dictionary_update.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {
namespace {

// scikit-learn's forgetting factor for step t (from 0) of m rows: old statistics weigh beta.
double forgetting_factor(Index t, Index m) {
  const double theta = t < m - 1 ? double(t + 1) * double(m) : double(m) * m + t + 1 - m;
  return (theta + 1 - double(m)) / (theta + 1);
}

}  // namespace

DictionaryLearningResult learn_dictionary_online(ConstMatrixRef x,
                                                 const SparseCodingConfig& config,
                                                 Matrix dictionary) {
  const Index n = x.rows(), d = x.cols(), k = config.atoms;
  const Index batch = std::min(config.batch_size, n);
  const Index steps_per_epoch = (n + batch - 1) / batch;
  DictionaryLearningResult result;
  Rng atoms_rng = Rng(config.seed).derive("atoms");
  Matrix a = Matrix::Zero(k, k), b = Matrix::Zero(k, d);
  Matrix batch_a(k, k), batch_b(k, d), batch_x(batch, d), codes(batch, k);
  std::vector<std::int64_t> order(static_cast<std::size_t>(n));
  Index t = 0;
  for (int epoch = 0; epoch < config.iterations; ++epoch) {
    std::iota(order.begin(), order.end(), 0);
    Rng shuffle = Rng(config.seed).derive("shuffle", std::uint64_t(epoch));
    shuffle.shuffle(order);
    double cost = 0;
    for (Index step = 0; step < steps_per_epoch; ++step, ++t) {
      const Index first = step * batch, m = std::min(batch, n - first);
      for (Index i = 0; i < m; ++i)
        batch_x.row(i) = x.row(Index(order[std::size_t(first + i)]));
      auto xt = batch_x.topRows(m);
      auto ht = codes.topRows(m);
      ht.setZero();
      result.last_lasso = lasso(xt, dictionary, config.alpha, config.lasso, ht);
      cost += result.last_lasso.objective;  // F(H_t, D) on X_t
      gemm_tn(ht, ht, batch_a);  // H_t^T H_t
      gemm_tn(ht, xt, batch_b);  // H_t^T X_t
      const Scalar beta = Scalar(forgetting_factor(t, m)), scale = Scalar(1.0 / double(m));
      a = beta * a + scale * batch_a;
      b = beta * b + scale * batch_b;
      result.replaced_atoms += update_dictionary(a, b, xt, atoms_rng, dictionary);
    }
    result.objective.push_back(cost / double(steps_per_epoch));
  }
  result.dictionary = std::move(dictionary);
  return result;
}

}  // namespace aekit::models
