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

std::vector<StateBlock> parameter_layout(const nn::Parameters& parameters) {
  std::vector<StateBlock> layout;
  for (const auto& s : parameters.slices()) layout.push_back({s.name, s.rows, s.cols});
  return layout;
}

std::vector<float> parameter_state(const nn::Parameters& parameters) {
  const auto values = parameters.values();
  return {values.begin(), values.end()};
}

void set_parameter_state(const Model& model, nn::Parameters& parameters, std::span<const float> values) {
  check_state_size(model, values.size());
  std::copy(values.begin(), values.end(), parameters.values().begin());
}

}  // namespace aekit::models
