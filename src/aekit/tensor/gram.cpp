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
// gram_tn_centred centres this many bytes of rows at a time (10700 rows at D = 784): few
// chunks, so few barriers (each can cost milliseconds on a busy machine).
constexpr double kCentredChunkBytes = 32 << 20;

// The lower triangle of an n x n matrix as block columns: column b starts at b * width.
struct BlockColumns {
  Index n, width, count;
  explicit BlockColumns(Index size) : n(size) {
    const Index blocks = (n + kMaxBlock - 1) / kMaxBlock;
    width = std::max<Index>(
        kBlockAlign, ((n + blocks - 1) / blocks + kBlockAlign - 1) / kBlockAlign * kBlockAlign);
    count = (n + width - 1) / width;
  }
  Index start(Index b) const { return b * width; }
  Index width_of(Index b) const { return std::min(width, n - b * width); }
};

bool run_in_parallel(double work, Index blocks) {
  return omp_get_max_threads() > 1 && work >= kParallelMinimumWork && blocks > 1;
}

void mirror_lower(MatrixRef c) {
  for (Index i = 0; i < c.rows(); ++i)
    for (Index j = i + 1; j < c.cols(); ++j) c(i, j) = c(j, i);
}

// c[j:, j:j+w] (+)= x[:, j:]^T x[:, j:j+w] for every block column (j, w) of c.
void lower_tn(ConstMatrixRef x, MatrixRef c, const BlockColumns& blocks, Index b, bool accumulate) {
  const Index j = blocks.start(b), w = blocks.width_of(b), rest = blocks.n - j;
  auto target = c.block(j, j, rest, w);
  if (accumulate)
    target.noalias() += x.middleCols(j, rest).transpose() * x.middleCols(j, w);
  else
    target.noalias() = x.middleCols(j, rest).transpose() * x.middleCols(j, w);
}

}  // namespace

void gram_tn(ConstMatrixRef a, MatrixRef c) {
  AEKIT_ASSERT(c.rows() == a.cols() && c.cols() == a.cols());
  const BlockColumns blocks(a.cols());
  const bool parallel = run_in_parallel(0.5 * double(a.rows()) * a.cols() * a.cols(), blocks.count);
  // The first block column is the tallest: dynamic scheduling in order balances the rest.
#pragma omp parallel for schedule(dynamic, 1) if (parallel)
  for (Index b = 0; b < blocks.count; ++b) lower_tn(a, c, blocks, b, false);
  mirror_lower(c);
}

void gram_nt(ConstMatrixRef a, MatrixRef c) {
  AEKIT_ASSERT(c.rows() == a.rows() && c.cols() == a.rows());
  const BlockColumns blocks(a.rows());
  const bool parallel = run_in_parallel(0.5 * double(a.cols()) * a.rows() * a.rows(), blocks.count);
#pragma omp parallel for schedule(dynamic, 1) if (parallel)
  for (Index b = 0; b < blocks.count; ++b) {
    const Index j = blocks.start(b), w = blocks.width_of(b), rest = blocks.n - j;
    c.block(j, j, rest, w).noalias() = a.middleRows(j, rest) * a.middleRows(j, w).transpose();
  }
  mirror_lower(c);
}

void gram_tn_centred(ConstMatrixRef a, const RowVector& m, MatrixRef c, Index chunk_rows) {
  AEKIT_ASSERT(c.rows() == a.cols() && c.cols() == a.cols() && m.size() == a.cols());
  const BlockColumns blocks(a.cols());
  if (chunk_rows <= 0)
    chunk_rows = std::max<Index>(256, Index(kCentredChunkBytes / (sizeof(Scalar) * a.cols())));
  chunk_rows = std::max<Index>(1, std::min(chunk_rows, a.rows()));
  const bool parallel = run_in_parallel(0.5 * double(chunk_rows) * a.cols() * a.cols(), blocks.count);
  Matrix chunk(chunk_rows, a.cols());
  c.setZero();
  for (Index r = 0; r < a.rows(); r += chunk_rows) {
    const Index rows = std::min(chunk_rows, a.rows() - r);
    auto centred = chunk.topRows(rows);
#pragma omp parallel if (parallel)
    {
#pragma omp for schedule(static)
      for (Index i = 0; i < rows; ++i) centred.row(i) = a.row(r + i) - m;
#pragma omp for schedule(dynamic, 1)
      for (Index b = 0; b < blocks.count; ++b) lower_tn(centred, c, blocks, b, true);
    }
  }
  mirror_lower(c);
}

}  // namespace aekit
