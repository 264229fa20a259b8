#pragma once
// Reductions over the rows of a batch.
#include "aekit/tensor/matrix.hpp"

namespace aekit {

// sums[1,H] += sum over rows n of x[n,:]  (bias gradients). Walks rows contiguously,
// which on row-major data is several times faster than Eigen's colwise().sum().
void add_column_sums(ConstMatrixRef x, MatrixRef sums);

}  // namespace aekit
