// The sparse coding model (models/sparse_coding.hpp): the autoencoder-shaped API, warm
// starts through encode, and the messages for bad hyper-parameters and misfit data.
#include "aekit/models/sparse/sparse_coding.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"
#include "support/sparse_data.hpp"

namespace aekit::models {
namespace {

Matrix planted_data(Index rows = 300) {
  Rng rng(1);
  return test::sparse_data(test::unit_atoms(12, 16, rng), rows, 1, 0.05, rng);
}

SparseCodingConfig small_config() {
  SparseCodingConfig c;
  c.atoms = 12;
  c.alpha = 0.1;
  c.iterations = 5;
  return c;
}

TEST(SparseCoding, HasTheShapeOfAnAutoencoder) {
  const Matrix x = planted_data();
  DictionaryLearningResult history;
  const SparseCoding model = SparseCoding::fit(x, small_config(), &history);
  EXPECT_EQ(model.input_size(), 16);
  EXPECT_EQ(model.code_size(), 12);
  EXPECT_EQ(model.dictionary().rows(), 12);
  EXPECT_EQ(history.objective.size(), 5u);
  const Matrix codes = model.encode(x);
  ASSERT_EQ(codes.rows(), 300);
  ASSERT_EQ(codes.cols(), 12);
  const Matrix x_hat = model.decode(codes);
  EXPECT_LT((x_hat - codes * model.dictionary()).cwiseAbs().maxCoeff(), 1e-5);
  EXPECT_EQ((model.reconstruct(x) - x_hat).cwiseAbs().maxCoeff(), 0);
  // Sparse, and a good fit of data that has a sparse code.
  EXPECT_LT((codes.array() != 0).cast<double>().mean(), 0.5);
  EXPECT_LT((x_hat - x).squaredNorm(), 0.05 * x.squaredNorm());
  // objective() is F at the model's codes, close to the last training value.
  const double f = model.objective(x);
  EXPECT_NEAR(f, sparse_coding_objective(x, model.dictionary(), codes, 0.1), 1e-6 * f);
  EXPECT_NEAR(f, history.objective.back(), 0.05 * f);
}

TEST(SparseCoding, EncodeWarmStartsFromGivenCodes) {
  const Matrix x = planted_data();
  const SparseCoding model = SparseCoding::fit(x, small_config());
  Matrix codes = model.encode(x);
  const LassoReport again = model.encode(x, codes);
  EXPECT_EQ(again.max_iterations, 1);
}

TEST(SparseCoding, BuildsFromADictionary) {
  Matrix dictionary = Matrix::Identity(3, 3);
  const SparseCoding model(dictionary, 0.5);
  Matrix x(1, 3);
  x << 2, -0.25, -1;
  const Matrix codes = model.encode(x);
  EXPECT_NEAR(codes(0, 0), 1.5, 1e-6);
  EXPECT_EQ(codes(0, 1), 0);
  EXPECT_NEAR(codes(0, 2), -0.5, 1e-6);
}

TEST(SparseCoding, RejectsBadHyperParameters) {
  const Matrix x = planted_data(50);
  const auto fails = [&](auto change, std::initializer_list<std::string_view> phrases) {
    SparseCodingConfig c = small_config();
    change(c);
    test::expect_error<UsageError>([&] { SparseCoding::fit(x, c); }, phrases);
  };
  fails([](auto& c) { c.alpha = -1; }, {"alpha must be >= 0, found -1"});
  fails([](auto& c) { c.alpha = std::nan(""); }, {"alpha must be >= 0, found nan"});
  fails([](auto& c) { c.atoms = 0; }, {"atoms must be between 1 and 16384, found 0"});
  fails([](auto& c) { c.atoms = 20000; }, {"atoms must be between 1 and 16384, found 20000"});
  fails([](auto& c) { c.atoms = 51; },
        {"init data picks 51 distinct rows as atoms, found only 50 rows", "init random"});
  fails([](auto& c) { c.iterations = 0; }, {"iterations must be >= 1, found 0"});
  fails([](auto& c) { c.batch_size = -3; }, {"batch size must be >= 0", "found -3"});
  fails([](auto& c) { c.lasso.tolerance = -1e-3; }, {"LASSO tolerance must be >= 0, found -0.001"});
  fails([](auto& c) { c.lasso.max_iterations = 0; }, {"LASSO max iterations must be >= 1, found 0"});
  test::expect_error<UsageError>([] { parse_lasso_solver("lars"); },
                                 {"LASSO solver must be cd or fista, found 'lars'"});
  test::expect_error<UsageError>([] { parse_dictionary_init("svd"); },
                                 {"dictionary init must be data or random, found 'svd'"});
  test::expect_error<UsageError>([] { SparseCoding(Matrix::Identity(2, 2), -0.5); },
                                 {"alpha must be >= 0, found -0.5"});
  test::expect_error<UsageError>([] { SparseCoding(Matrix(0, 4), 0.5); },
                                 {"at least one atom and one feature, found [0, 4]"});
}

TEST(SparseCoding, AcceptsMoreAtomsThanRowsFromRandomInit) {
  const Matrix x = planted_data(20);
  SparseCodingConfig c = small_config();
  c.atoms = 40;
  c.init = DictionaryInit::random;
  c.batch_size = 1000;  // more than the rows: one batch of all of them
  const SparseCoding model = SparseCoding::fit(x, c);
  EXPECT_EQ(model.code_size(), 40);
}

TEST(SparseCoding, NamesTheWidthsThatDoNotFit) {
  const SparseCoding model(Matrix::Identity(4, 16), 0.1);
  test::expect_error([&] { model.encode(Matrix::Zero(3, 10)); },
                     {"sparse coding model expects 16 inputs, data has 10 columns"});
  test::expect_error([&] { model.decode(Matrix::Zero(3, 5)); },
                     {"sparse coding model has 4 atoms, codes have 5 columns"});
  Matrix codes = Matrix::Zero(2, 4);
  test::expect_error([&] { model.encode(Matrix::Zero(3, 16), codes); },
                     {"codes for 3 rows of a 4-atom model must be [3, 4], found [2, 4]"});
  SparseCodingConfig c = small_config();
  c.atoms = 4;
  test::expect_error<UsageError>(
      [&] { learn_dictionary(Matrix::Zero(10, 16), c, Matrix::Zero(4, 15)); },
      {"initial dictionary must be [atoms, features] = [4, 16], found [4, 15]"});
}

}  // namespace
}  // namespace aekit::models
