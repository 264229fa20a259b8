#pragma once
// Applying a row-wise map (encode, reconstruct, a filter) to many rows a chunk at a time, so
// the temporaries of one call stay small: out[N, out_cols] = stack_i fn(x[chunk_i, :]).
#include <functional>

#include "aekit/tensor/matrix.hpp"

namespace aekit {

// Runs `fn(chunk) -> rows` over x in chunks of 1024 rows and stacks the results.
FloatMatrix map_in_chunks(const FloatMatrix& x, Index out_cols,
                          const std::function<ConstMatrixRef(ConstMatrixRef)>& fn);

}  // namespace aekit
