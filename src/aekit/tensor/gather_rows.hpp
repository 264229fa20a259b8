#pragma once
// Gathering a minibatch: out[i,:] = x[rows[i],:] for i < rows.size().
//
// A shuffled epoch reads every row of the training set once in random order (for
// Fashion-MNIST 170 MB, ~3% of an MLP epoch on one thread); the rows are copied in parts over
// the threads (tensor/batch_parts.hpp), which moves the same bytes, so the result does not
// depend on the thread count.
#include <cstdint>
#include <span>

#include "aekit/tensor/matrix.hpp"

namespace aekit {

void gather_rows(ConstMatrixRef x, std::span<const std::int64_t> rows, MatrixRef out);

}  // namespace aekit
