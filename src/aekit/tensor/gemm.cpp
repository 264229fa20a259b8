#include "aekit/tensor/gemm.hpp"

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/tensor/parallel_work.hpp"
#include "aekit/tensor/thread_pool.hpp"
#include "aekit/tensor/threads.hpp"

namespace aekit {
namespace {

// Stripe widths are multiples of this, so each thread's columns stay SIMD-aligned.
constexpr Index kStripeAlign = 16;

// Calls body(begin, count) for each stripe of [0, total), one stripe per thread, the stripes
// taken dynamically by the pool's threads (tensor/thread_pool.hpp): when a worker is slow to
// wake the caller takes its stripe too. (Two or four stripes a thread balanced no better on
// a busy machine and ran slower on an idle one: Eigen packs the left operand again for every
// stripe.) Inside a job (a layer's per-sample loop, tensor/batch_parts.hpp), with one thread
// or little work the whole product is one stripe on the caller.
template <typename Body>
void for_each_stripe(Index total, double work, Body body) {
  const Index n_threads = threads();
  if (n_threads == 1 || work < kParallelMinimumWork || total < 2 * kStripeAlign ||
      ThreadPool::in_job()) {
    body(Index(0), total);
    return;
  }
  const Index per = ((total + n_threads - 1) / n_threads + kStripeAlign - 1) / kStripeAlign * kStripeAlign;
  const Index stripes = (total + per - 1) / per;
  run_parts(stripes, n_threads, [&](Index s, Index) { body(s * per, std::min(per, total - s * per)); });
}

// An output with fewer columns than two stripes (e.g. [N, 10] class scores) is split into
// stripes of rows instead, so that it still runs on every thread.
bool too_narrow_for_column_stripes(const MatrixRef& c) { return c.cols() < 2 * kStripeAlign; }

template <typename Dst, typename Product>
void assign(Dst&& dst, const Product& product, bool accumulate) {
  if (accumulate)
    dst.noalias() += product;
  else
    dst.noalias() = product;
}

}  // namespace

void gemm_nt(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate) {
  AEKIT_ASSERT(a.cols() == b.cols() && c.rows() == a.rows() && c.cols() == b.rows());
  const double work = double(a.rows()) * a.cols() * b.rows();
  if (too_narrow_for_column_stripes(c)) {
    for_each_stripe(c.rows(), work, [&](Index i, Index n) {
      assign(c.middleRows(i, n), a.middleRows(i, n) * b.transpose(), accumulate);
    });
    return;
  }
  for_each_stripe(c.cols(), work, [&](Index j, Index n) {
    assign(c.middleCols(j, n), a * b.middleRows(j, n).transpose(), accumulate);
  });
}

void gemm_nn(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate) {
  AEKIT_ASSERT(a.cols() == b.rows() && c.rows() == a.rows() && c.cols() == b.cols());
  const double work = double(a.rows()) * a.cols() * b.cols();
  if (too_narrow_for_column_stripes(c)) {
    for_each_stripe(c.rows(), work, [&](Index i, Index n) {
      assign(c.middleRows(i, n), a.middleRows(i, n) * b, accumulate);
    });
    return;
  }
  for_each_stripe(c.cols(), work, [&](Index j, Index n) {
    assign(c.middleCols(j, n), a * b.middleCols(j, n), accumulate);
  });
}

void gemm_tn(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate) {
  AEKIT_ASSERT(a.rows() == b.rows() && c.rows() == a.cols() && c.cols() == b.cols());
  const double work = double(a.rows()) * a.cols() * b.cols();
  for_each_stripe(c.rows(), work, [&](Index i, Index n) {
    assign(c.middleRows(i, n), a.middleCols(i, n).transpose() * b, accumulate);
  });
}

namespace {

// c[i,j] (+)= sum_k lhs(i,k) * rhs(k,j), accumulated in double.
template <typename Lhs, typename Rhs>
void reference_product(Index inner, Lhs lhs, Rhs rhs, MatrixRef c, bool accumulate) {
  for (Index i = 0; i < c.rows(); ++i)
    for (Index j = 0; j < c.cols(); ++j) {
      double sum = accumulate ? c(i, j) : 0.0;
      for (Index k = 0; k < inner; ++k) sum += double(lhs(i, k)) * rhs(k, j);
      c(i, j) = Scalar(sum);
    }
}

}  // namespace

void gemm_reference_nt(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate) {
  reference_product(
      a.cols(), [&](Index i, Index k) { return a(i, k); },
      [&](Index k, Index j) { return b(j, k); }, c, accumulate);
}

void gemm_reference_nn(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate) {
  reference_product(
      a.cols(), [&](Index i, Index k) { return a(i, k); },
      [&](Index k, Index j) { return b(k, j); }, c, accumulate);
}

void gemm_reference_tn(ConstMatrixRef a, ConstMatrixRef b, MatrixRef c, bool accumulate) {
  reference_product(
      a.rows(), [&](Index i, Index k) { return a(k, i); },
      [&](Index k, Index j) { return b(k, j); }, c, accumulate);
}

}  // namespace aekit
