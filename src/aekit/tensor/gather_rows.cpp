#include "aekit/tensor/gather_rows.hpp"

#include "aekit/error.hpp"
#include "aekit/tensor/batch_parts.hpp"

namespace aekit {

void gather_rows(ConstMatrixRef x, std::span<const std::int64_t> rows, MatrixRef out) {
  AEKIT_ASSERT(out.rows() == Index(rows.size()) && out.cols() == x.cols());
  // Work: a read and a write per value.
  for_each_item(out.rows(), 2.0 * double(x.cols()), [&](Index i) {
    const std::int64_t row = rows[std::size_t(i)];
    AEKIT_ASSERT(row >= 0 && row < x.rows());
    out.row(i) = x.row(row);
  });
}

}  // namespace aekit
