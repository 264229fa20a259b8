// The fast, threaded GEMMs (gemm_nt / gemm_nn / gemm_tn) against their naive references
// (gemm_reference_*), on odd shapes that do not fit the SIMD width or the thread stripes,
// with and without accumulation, on 1 and 2 threads, with blocks of rows of bigger
// matrices as operands (what a layer sees when it is fed a slice of a data set).
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/threads.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "aekit/tensor/rng.hpp"

namespace aekit {
namespace {

Matrix random_matrix(Index rows, Index cols, Rng& rng) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = Scalar(rng.uniform(-1, 1));
  return m;
}

// |fast - reference| <= 1e-5 * magnitude, where magnitude bounds every entry of the exact
// product (sum_k |a_ik| |b_kj|, plus |c| when accumulating), computed once per matrix.
void expect_close(const Matrix& fast, const Matrix& reference, double magnitude,
                  const std::string& what) {
  ASSERT_EQ(fast.rows(), reference.rows()) << what;
  ASSERT_EQ(fast.cols(), reference.cols()) << what;
  const double allowed = 1e-5 * std::max(magnitude, 1.0);
  double worst = 0;
  Index worst_at = -1;
  for (Index i = 0; i < fast.size(); ++i) {
    const double diff = std::abs(double(fast.data()[i]) - double(reference.data()[i]));
    if (!(diff <= worst)) {  // also catches NaN
      worst = std::isnan(diff) ? INFINITY : diff;
      worst_at = i;
    }
  }
  EXPECT_LE(worst, allowed) << what << ": worst difference at flat index " << worst_at
                            << " (fast " << fast.data()[std::max<Index>(worst_at, 0)]
                            << ", reference " << reference.data()[std::max<Index>(worst_at, 0)]
                            << ")";
}

// Restores the thread count the test started with.
class GemmTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    saved_ = threads();
    set_threads(GetParam());
  }
  void TearDown() override { set_threads(saved_); }

 private:
  int saved_ = 1;
};

const std::vector<Index> kSizes = {1, 2, 17, 33, 130, 257};

// Shapes (rows of the output, inner size, columns of the output). Some are big enough to
// cross the parallel threshold (2^18 multiply-adds) so the 2-thread case really splits.
std::vector<std::tuple<Index, Index, Index>> shapes() {
  std::vector<std::tuple<Index, Index, Index>> out;
  for (Index m : {Index(1), Index(17), Index(130)})
    for (Index k : kSizes)
      for (Index n : {Index(1), Index(33), Index(257)}) out.emplace_back(m, k, n);
  out.emplace_back(257, 257, 130);   // 8.6M multiply-adds: threaded
  out.emplace_back(129, 129, 1000);  // wide output, stripes of 16 with a ragged last one
  out.emplace_back(64, 784, 256);    // an MNIST-sized dense layer
  out.emplace_back(1000, 300, 10);   // narrow output, threaded: split by rows
  return out;
}

TEST_P(GemmTest, MatchesReferenceOnOddShapes) {
  ASSERT_EQ(threads(), GetParam());
  Rng rng(1234 + GetParam());
  for (const auto& [m, k, n] : shapes()) {
    for (const bool accumulate : {false, true}) {
      const std::string tag = "m=" + std::to_string(m) + " k=" + std::to_string(k) +
                              " n=" + std::to_string(n) + (accumulate ? " accumulate" : "");
      const Matrix c0 = random_matrix(m, n, rng);
      const double c_mag = accumulate ? 1.0 : 0.0;
      const double mag = double(k) + c_mag;  // entries in [-1,1]: |sum| <= k (+1)

      // nt: c[m,n] = a[m,k] * b[n,k]^T
      {
        const Matrix a = random_matrix(m, k, rng), b = random_matrix(n, k, rng);
        Matrix fast = c0, ref = c0;
        gemm_nt(a, b, fast, accumulate);
        gemm_reference_nt(a, b, ref, accumulate);
        expect_close(fast, ref, mag, "gemm_nt " + tag);
      }
      // nn: c[m,n] = a[m,k] * b[k,n]
      {
        const Matrix a = random_matrix(m, k, rng), b = random_matrix(k, n, rng);
        Matrix fast = c0, ref = c0;
        gemm_nn(a, b, fast, accumulate);
        gemm_reference_nn(a, b, ref, accumulate);
        expect_close(fast, ref, mag, "gemm_nn " + tag);
      }
      // tn: c[m,n] = a[k,m]^T * b[k,n]
      {
        const Matrix a = random_matrix(k, m, rng), b = random_matrix(k, n, rng);
        Matrix fast = c0, ref = c0;
        gemm_tn(a, b, fast, accumulate);
        gemm_reference_tn(a, b, ref, accumulate);
        expect_close(fast, ref, mag, "gemm_tn " + tag);
      }
    }
  }
}

// The references themselves against a product written out here in double, entry by entry,
// so that a bug shared by fast and reference (e.g. a transposed operand) cannot hide.
TEST_P(GemmTest, ReferenceMatchesDoublePrecisionProduct) {
  Rng rng(99);
  const Index m = 17, k = 33, n = 5;
  const Matrix a = random_matrix(m, k, rng), b_nt = random_matrix(n, k, rng),
               b_nn = random_matrix(k, n, rng), a_tn = random_matrix(k, m, rng),
               c0 = random_matrix(m, n, rng);
  Matrix expected_nt(m, n), expected_nn(m, n), expected_tn(m, n);
  for (Index i = 0; i < m; ++i)
    for (Index j = 0; j < n; ++j) {
      double nt = c0(i, j), nn = 0, tn = c0(i, j);
      for (Index p = 0; p < k; ++p) {
        nt += double(a(i, p)) * double(b_nt(j, p));
        nn += double(a(i, p)) * double(b_nn(p, j));
        tn += double(a_tn(p, i)) * double(b_nn(p, j));
      }
      expected_nt(i, j) = Scalar(nt);
      expected_nn(i, j) = Scalar(nn);
      expected_tn(i, j) = Scalar(tn);
    }
  Matrix c = c0;
  gemm_reference_nt(a, b_nt, c, true);
  expect_close(c, expected_nt, double(k), "reference nt");
  c = c0;
  gemm_reference_nn(a, b_nn, c, false);
  expect_close(c, expected_nn, double(k), "reference nn");
  c = c0;
  gemm_reference_tn(a_tn, b_nn, c, true);
  expect_close(c, expected_tn, double(k), "reference tn");
}

// Operands and outputs that are blocks of whole rows of bigger matrices: Ref binds to them
// without copying, and the fast kernels must respect their offsets.
TEST_P(GemmTest, RowBlocksOfBiggerMatricesAsOperands) {
  Rng rng(77 + GetParam());
  const Matrix big_a = random_matrix(600, 257, rng);  // rows 100..(100+m) used
  const Matrix big_b = random_matrix(400, 257, rng);
  const std::vector<std::pair<Index, Index>> blocks = {{130, 257}, {17, 33}, {1, 1}, {257, 130}};
  for (const auto& [m, n] : blocks) {
    for (const bool accumulate : {false, true}) {
      const std::string tag = "m=" + std::to_string(m) + " n=" + std::to_string(n) +
                              (accumulate ? " accumulate" : "");
      const double mag = 257.0 + (accumulate ? 1.0 : 0.0);
      // nt: a = big_a rows [100, 100+m), b = big_b rows [7, 7+n); c a row block too.
      {
        Matrix big_fast = random_matrix(m + 20, n, rng);
        Matrix big_ref = big_fast;
        const auto a = big_a.middleRows(100, m);
        const auto b = big_b.middleRows(7, n);
        gemm_nt(a, b, big_fast.middleRows(10, m), accumulate);
        gemm_reference_nt(a, b, big_ref.middleRows(10, m), accumulate);
        expect_close(big_fast, big_ref, mag, "gemm_nt row blocks " + tag);
        // rows outside the block untouched (identical to the reference copy)
        EXPECT_EQ(big_fast.topRows(10), big_ref.topRows(10)) << tag;
        EXPECT_EQ(big_fast.bottomRows(10), big_ref.bottomRows(10)) << tag;
      }
      // nn: a = big_a rows [3, 3+m) (k = 257 columns); b = rows [21, 278) of an [300, n] one.
      {
        const Matrix b_src = random_matrix(300, n, rng);
        Matrix fast = random_matrix(m, n, rng), ref = fast;
        gemm_nn(big_a.middleRows(3, m), b_src.middleRows(21, 257), fast, accumulate);
        gemm_reference_nn(big_a.middleRows(3, m), b_src.middleRows(21, 257), ref, accumulate);
        expect_close(fast, ref, mag, "gemm_nn row blocks " + tag);
      }
      // tn: a = rows [5, 5+k) of an [*, m] matrix, b = rows [40, 40+k) of an [*, n] one.
      {
        const Index k = 257;
        const Matrix a_src = random_matrix(k + 10, m, rng), b_src = random_matrix(k + 50, n, rng);
        Matrix big_fast = random_matrix(m + 4, n, rng), big_ref = big_fast;
        gemm_tn(a_src.middleRows(5, k), b_src.middleRows(40, k), big_fast.middleRows(2, m),
                accumulate);
        gemm_reference_tn(a_src.middleRows(5, k), b_src.middleRows(40, k),
                          big_ref.middleRows(2, m), accumulate);
        expect_close(big_fast, big_ref, mag, "gemm_tn row blocks " + tag);
      }
    }
  }
}

// Same inputs, same thread count: bit-identical results (no reduction across threads).
TEST_P(GemmTest, DeterministicForAThreadCount) {
  Rng rng(5);
  const Matrix a = random_matrix(257, 300, rng), b = random_matrix(1000, 300, rng);
  Matrix c1(257, 1000), c2(257, 1000);
  gemm_nt(a, b, c1);
  gemm_nt(a, b, c2);
  EXPECT_EQ(c1, c2);
}

INSTANTIATE_TEST_SUITE_P(Threads, GemmTest, ::testing::Values(1, 2),
                         [](const auto& info) { return std::to_string(info.param) + "threads"; });

TEST(GemmThreads, SetThreadsIsReadBackAndZeroKeepsIt) {
  const int saved = threads();
  set_threads(2);
  EXPECT_EQ(threads(), 2);
  set_threads(0);  // 0 keeps the current setting
  EXPECT_EQ(threads(), 2);
  set_threads(1);
  EXPECT_EQ(threads(), 1);
  set_threads(saved);
}

}  // namespace
}  // namespace aekit
