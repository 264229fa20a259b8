#include "aekit/data/row_chunks.hpp"

#include <algorithm>

namespace aekit {

FloatMatrix map_in_chunks(const FloatMatrix& x, Index out_cols,
                          const std::function<ConstMatrixRef(ConstMatrixRef)>& fn) {
  constexpr Index kChunk = 1024;
  FloatMatrix out(x.rows(), out_cols);
  for (Index begin = 0; begin < x.rows(); begin += kChunk) {
    const Index rows = std::min(kChunk, x.rows() - begin);
    out.middleRows(begin, rows) = fn(x.middleRows(begin, rows)).cast<float>();
  }
  return out;
}

}  // namespace aekit
