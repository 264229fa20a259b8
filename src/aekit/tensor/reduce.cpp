#include "aekit/tensor/reduce.hpp"

#include "aekit/error.hpp"

namespace aekit {

void add_column_sums(ConstMatrixRef x, MatrixRef sums) {
  AEKIT_ASSERT(sums.rows() == 1 && sums.cols() == x.cols());
  for (Index n = 0; n < x.rows(); ++n) sums.row(0) += x.row(n);
}

}  // namespace aekit
