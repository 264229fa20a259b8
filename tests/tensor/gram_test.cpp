// The symmetric products (gram_tn = a^T a, gram_nt = a a^T, gram_tn_centred) against the
// naive reference GEMMs, on shapes of one block column, several and a ragged last one, on a
// block of rows of a bigger matrix, on image-like data (zeros skipped, mean subtracted after
// the product) and on data far from zero (centred while packed), and bit-identical on 1 and
// 2 threads.
#include "aekit/tensor/gram.hpp"

#include <gtest/gtest.h>

#include <tuple>

#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/threads.hpp"
#include "support/random_matrix.hpp"

namespace aekit {
namespace {

// The product on `threads` threads (the thread count is restored afterwards).
template <typename Product>
Matrix on_threads(int threads, Index size, Product product) {
  const int saved = aekit::threads();
  set_threads(threads);
  Matrix c(size, size);
  product(c);
  set_threads(saved);
  return c;
}

void expect_matches(const Matrix& fast, const Matrix& reference, Index inner) {
  // Entries are sums of `inner` products of U(-1, 1) values, so |entry| <= inner (gemm_test's
  // tolerance: 1e-5 of that bound).
  const double allowed = 1e-5 * double(inner);
  EXPECT_LE((fast - reference).cwiseAbs().maxCoeff(), allowed);
  EXPECT_EQ(fast, fast.transpose()) << "not exactly symmetric";
}

class GramTest : public ::testing::TestWithParam<std::tuple<Index, Index>> {};

TEST_P(GramTest, MatchesTheReferenceProductsOnEveryThreadCount) {
  const auto [rows, cols] = GetParam();
  Rng rng(rows * 1000 + cols);
  const Matrix a = test::random_matrix(rows, cols, -1, 1, rng);

  Matrix tn(cols, cols), nt(rows, rows);
  gemm_reference_tn(a, a, tn);
  gemm_reference_nt(a, a, nt);
  const Matrix tn1 = on_threads(1, cols, [&](Matrix& c) { gram_tn(a, c); });
  const Matrix tn2 = on_threads(2, cols, [&](Matrix& c) { gram_tn(a, c); });
  const Matrix nt1 = on_threads(1, rows, [&](Matrix& c) { gram_nt(a, c); });
  const Matrix nt2 = on_threads(2, rows, [&](Matrix& c) { gram_nt(a, c); });
  expect_matches(tn1, tn, rows);
  expect_matches(nt1, nt, cols);
  EXPECT_EQ(tn1, tn2) << "a^T a depends on the thread count";
  EXPECT_EQ(nt1, nt2) << "a a^T depends on the thread count";
}

INSTANTIATE_TEST_SUITE_P(Shapes, GramTest,
                         ::testing::Values(std::make_tuple(1, 1), std::make_tuple(7, 3),
                                           std::make_tuple(3, 40), std::make_tuple(500, 129),
                                           std::make_tuple(130, 300), std::make_tuple(64, 784)));

TEST(Gram, CentredProductEqualsTheProductOfTheCentredCopy) {
  // 300 rows in chunks of 128: three chunks, the last one partial. Entries in U(2, 4): the mean
  // is 28 times the variance (past gram.cpp's kMaxCancellation), so the rows are centred.
  Rng rng(6);
  const Matrix a = test::random_matrix(300, 70, 2, 4, rng);
  const RowVector m = a.colwise().mean();
  const Matrix centred = a.rowwise() - m;
  Matrix expected(70, 70);
  gemm_reference_tn(centred, centred, expected);
  const Matrix one = on_threads(1, 70, [&](Matrix& c) { gram_tn_centred(a, m, c, 128); });
  const Matrix two = on_threads(2, 70, [&](Matrix& c) { gram_tn_centred(a, m, c, 128); });
  const Matrix whole = on_threads(2, 70, [&](Matrix& c) { gram_tn_centred(a, m, c); });
  expect_matches(one, expected, 300);
  expect_matches(whole, expected, 300);
  EXPECT_EQ(one, two) << "(a - 1 m)^T (a - 1 m) depends on the thread count";
}

TEST(Gram, ImageLikeDataSkipsZerosAndSubtractsTheMeanAfterwards) {
  // U(0, 1) with about half of the entries, in runs along each row, set to 0 (a background):
  // whole i blocks of zeros are skipped, and the mean is small against the spread.
  Rng rng(7);
  Matrix a = test::random_matrix(400, 100, 0, 1, rng);
  for (Index i = 0; i < a.rows(); ++i) a.row(i).segment(i % 50, 50).setZero();
  const RowVector m = a.colwise().mean();
  const Matrix centred = a.rowwise() - m;
  Matrix expected(100, 100), plain(100, 100);
  gemm_reference_tn(centred, centred, expected);
  gemm_reference_tn(a, a, plain);
  const Matrix one = on_threads(1, 100, [&](Matrix& c) { gram_tn_centred(a, m, c, 128); });
  const Matrix two = on_threads(2, 100, [&](Matrix& c) { gram_tn_centred(a, m, c, 128); });
  expect_matches(one, expected, 400);
  expect_matches(on_threads(2, 100, [&](Matrix& c) { gram_tn(a, c); }), plain, 400);
  EXPECT_EQ(one, two) << "(a - 1 m)^T (a - 1 m) depends on the thread count";
}

TEST(Gram, ReadsABlockOfRowsOfABiggerMatrix) {
  Rng rng(5);
  const Matrix big = test::random_matrix(300, 150, -1, 1, rng);
  const Matrix copy = big.middleRows(100, 120);
  Matrix from_view(150, 150), from_copy(150, 150);
  gram_tn(big.middleRows(100, 120), from_view);
  gram_tn(copy, from_copy);
  EXPECT_EQ(from_view, from_copy);
}

}  // namespace
}  // namespace aekit
