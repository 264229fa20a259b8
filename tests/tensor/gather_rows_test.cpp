#include "aekit/tensor/gather_rows.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/scoped_threads.hpp"

namespace aekit {
namespace {

// The naive reference: one row after another on this thread.
Matrix gathered_naively(const Matrix& x, const std::vector<std::int64_t>& rows) {
  Matrix out(Index(rows.size()), x.cols());
  for (std::size_t i = 0; i < rows.size(); ++i) out.row(Index(i)) = x.row(rows[i]);
  return out;
}

TEST(GatherRows, CopiesTheChosenRowsInOrderWhateverTheThreadCount) {
  const Matrix x = Matrix::Random(300, 784);  // enough work to be split over threads
  std::vector<std::int64_t> rows;
  for (std::int64_t i = 0; i < 128; ++i) rows.push_back((i * 37 + 11) % 300);
  const Matrix expected = gathered_naively(x, rows);
  for (int t : {1, 2}) {
    test::ScopedThreads scoped(t);
    Matrix out = Matrix::Zero(128, 784);
    gather_rows(x, rows, out);
    EXPECT_EQ(out, expected) << t << " threads";
  }
}

}  // namespace
}  // namespace aekit
