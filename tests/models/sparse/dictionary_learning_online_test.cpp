// The online algorithm (learn_dictionary_online, contract in models/dictionary_learning.hpp):
// it follows the documented steps exactly (shuffles, forgetting factor, statistics, per-epoch
// objective), including a short last step and both branches of theta; a batch size above the
// row count acts as the row count; and one step per epoch starts like the batch algorithm.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "aekit/models/sparse/dictionary_init.hpp"
#include "aekit/models/sparse/dictionary_learning.hpp"
#include "aekit/models/sparse/dictionary_update.hpp"
#include "support/sparse_data.hpp"

namespace aekit::models {
namespace {

SparseCodingConfig online_config(Index atoms, Index batch_size, int epochs) {
  SparseCodingConfig config;
  config.atoms = atoms;
  config.alpha = 0.1;
  config.iterations = epochs;
  config.batch_size = batch_size;
  config.seed = 11;
  config.lasso.tolerance = 1e-6;
  return config;
}

// The steps of dictionary_learning.hpp's "online" paragraph, written out plainly.
DictionaryLearningResult reference_online(const Matrix& x, const SparseCodingConfig& c, Matrix d) {
  const Index n = x.rows(), k = c.atoms, b = std::min(c.batch_size, n);
  Matrix a = Matrix::Zero(k, k), bx = Matrix::Zero(k, x.cols());
  DictionaryLearningResult result;
  Index t = 0;
  for (int epoch = 1; epoch <= c.iterations; ++epoch) {
    std::vector<std::int64_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    Rng(c.seed).derive("shuffle", std::uint64_t(epoch)).shuffle(order);
    Rng atoms_rng = Rng(c.seed).derive("noise", std::uint64_t(epoch));
    double cost = 0;  // row-weighted: the loop's mean of a loss over an epoch
    for (Index first = 0; first < n; first += b, ++t) {
      const Index m = std::min(b, n - first);
      Matrix xt(m, x.cols());
      for (Index i = 0; i < m; ++i) xt.row(i) = x.row(Index(order[std::size_t(first + i)]));
      Matrix ht = Matrix::Zero(m, k);
      cost += lasso(xt, d, c.alpha, c.lasso, ht).objective * double(m);
      const double theta = t < m - 1 ? double((t + 1) * m) : double(m * m + t + 1 - m);
      const Scalar beta = Scalar((theta + 1 - double(m)) / (theta + 1));
      a = beta * a + (ht.transpose() * ht) / Scalar(m);
      bx = beta * bx + (ht.transpose() * xt) / Scalar(m);
      result.replaced_atoms += update_dictionary(a, bx, xt, atoms_rng, d);
    }
    result.objective.push_back(cost / double(n));
  }
  result.dictionary = std::move(d);
  return result;
}

struct OnlineData {
  Matrix x, start;
  OnlineData(Index rows, Index atoms) {
    Rng rng(2);
    x = test::sparse_data(test::unit_atoms(atoms, 6, rng), rows, 2, 0.05, rng);
    Rng init = rng.derive("init");
    start = initial_dictionary(x, atoms, DictionaryInit::data, init);
  }
};

TEST(DictionaryLearningOnline, FollowsTheDocumentedStepsIncludingAShortLastStep) {
  const OnlineData data(30, 5);
  const auto config = online_config(5, 8, 3);  // steps of 8, 8, 8, 6 rows; t = 0 .. 11
  const auto online = learn_dictionary_online(data.x, config, data.start);
  const auto reference = reference_online(data.x, config, data.start);
  ASSERT_EQ(online.objective.size(), 3u);
  for (std::size_t e = 0; e < 3; ++e)
    EXPECT_NEAR(online.objective[e], reference.objective[e], 1e-5 * reference.objective[e]) << e;
  EXPECT_LT((online.dictionary - reference.dictionary).cwiseAbs().maxCoeff(), 1e-4);
  EXPECT_EQ(online.replaced_atoms, reference.replaced_atoms);
}

TEST(DictionaryLearningOnline, BatchSizeAboveTheRowCountActsAsTheRowCount) {
  const OnlineData data(40, 5);
  const auto exact = learn_dictionary_online(data.x, online_config(5, 40, 3), data.start);
  const auto above = learn_dictionary_online(data.x, online_config(5, 400, 3), data.start);
  EXPECT_EQ(exact.dictionary, above.dictionary);
  EXPECT_EQ(exact.objective, above.objective);
}

TEST(DictionaryLearningOnline, OneStepEpochStartsLikeTheBatchAlgorithm) {
  // Step 0 of N rows: A = H^T H / N, B = H^T X / N, and the atom update is invariant to that
  // scale; the first objective is F at the start either way.
  const OnlineData data(40, 5);
  const auto online = learn_dictionary_online(data.x, online_config(5, 40, 1), data.start);
  const auto batch = learn_dictionary_batch(data.x, online_config(5, 0, 1), data.start);
  EXPECT_LT((online.dictionary - batch.dictionary).cwiseAbs().maxCoeff(), 1e-4);
  Matrix codes = Matrix::Zero(40, 5);
  const double at_start =
      lasso(data.x, data.start, 0.1, online_config(5, 40, 1).lasso, codes).objective;
  EXPECT_NEAR(online.objective[0], at_start, 1e-5 * at_start);
}

}  // namespace
}  // namespace aekit::models
