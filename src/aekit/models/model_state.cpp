#include "aekit/models/model_state.hpp"

#include "aekit/error.hpp"

namespace aekit::models {

Matrix StateReader::take(Index rows, Index cols) {
  const std::size_t count = std::size_t(rows * cols);
  AEKIT_ASSERT(offset_ + count <= values_.size());
  const Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
      block(values_.data() + offset_, rows, cols);
  offset_ += count;
  return block.cast<Scalar>();
}

}  // namespace aekit::models
