#include "aekit/tensor/gram.hpp"

#include <omp.h>

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit {
namespace {

constexpr Index kMaxBlock = 128;
constexpr Index kBlockAlign = 16;
// Below this many multiply-adds the product runs on one thread: the fork costs more.
constexpr double kParallelMinimumWork = 1 << 18;

// Fills the lower triangle of c[n,n] by block columns, block(start, width) computing
// c[start:, start:start+width], then mirrors it into the upper triangle.
template <typename BlockColumn>
void lower_block_columns_then_mirror(MatrixRef c, double work, BlockColumn block) {
  const Index n = c.rows();
  const Index count = (n + kMaxBlock - 1) / kMaxBlock;
  const Index width = std::max<Index>(
      kBlockAlign, ((n + count - 1) / count + kBlockAlign - 1) / kBlockAlign * kBlockAlign);
  const Index columns = (n + width - 1) / width;
  const auto run = [&](Index b) { block(b * width, std::min(width, n - b * width)); };
  const int n_threads = omp_get_max_threads();
  if (n_threads == 1 || work < kParallelMinimumWork || columns == 1) {
    for (Index b = 0; b < columns; ++b) run(b);
  } else {
    // The first block column is the tallest: dynamic scheduling in order balances the rest.
#pragma omp parallel for schedule(dynamic, 1) num_threads(n_threads)
    for (Index b = 0; b < columns; ++b) run(b);
  }
  for (Index i = 0; i < n; ++i)
    for (Index j = i + 1; j < n; ++j) c(i, j) = c(j, i);
}

}  // namespace

void gram_tn(ConstMatrixRef a, MatrixRef c) {
  AEKIT_ASSERT(c.rows() == a.cols() && c.cols() == a.cols());
  const Index n = a.cols();
  const double work = 0.5 * double(a.rows()) * n * n;
  lower_block_columns_then_mirror(c, work, [&](Index j, Index width) {
    c.block(j, j, n - j, width).noalias() =
        a.middleCols(j, n - j).transpose() * a.middleCols(j, width);
  });
}

void gram_nt(ConstMatrixRef a, MatrixRef c) {
  AEKIT_ASSERT(c.rows() == a.rows() && c.cols() == a.rows());
  const Index n = a.rows();
  const double work = 0.5 * double(a.cols()) * n * n;
  lower_block_columns_then_mirror(c, work, [&](Index j, Index width) {
    c.block(j, j, n - j, width).noalias() = a.middleRows(j, n - j) * a.middleRows(j, width).transpose();
  });
}

}  // namespace aekit
