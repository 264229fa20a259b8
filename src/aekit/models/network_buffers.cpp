#include "aekit/models/network_buffers.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/models/model_state.hpp"

namespace aekit::models {

void NetworkBuffers::add(const std::string& prefix, nn::Layer& network) {
  for (auto buffer : network.buffers()) {
    buffer.name = fmt::format("{}.{}", prefix, buffer.name);
    buffers_.push_back(buffer);
  }
}

Vector NetworkBuffers::values() const {
  Index total = 0;
  for (const auto& b : buffers_) total += Index(b.values.size());
  Vector all(total);
  Index offset = 0;
  for (const auto& b : buffers_) {
    std::copy(b.values.begin(), b.values.end(), all.data() + offset);
    offset += Index(b.values.size());
  }
  return all;
}

void NetworkBuffers::set_values(std::span<const Scalar> values) {
  std::size_t offset = 0;
  for (const auto& b : buffers_) {
    AEKIT_ASSERT(offset + b.values.size() <= values.size());
    std::copy(values.begin() + offset, values.begin() + offset + b.values.size(), b.values.begin());
    offset += b.values.size();
  }
  AEKIT_ASSERT(offset == values.size());
}

std::vector<StateBlock> layout_with_buffers(const nn::Parameters& parameters, const NetworkBuffers& buffers) {
  std::vector<StateBlock> layout = parameter_layout(parameters);
  for (const auto& b : buffers.list()) layout.push_back({b.name, 1, Index(b.values.size())});
  return layout;
}

std::vector<float> state_with_buffers(const nn::Parameters& parameters, const NetworkBuffers& buffers) {
  std::vector<float> all = parameter_state(parameters);
  const Vector values = buffers.values();
  all.insert(all.end(), values.begin(), values.end());
  return all;
}

void set_state_with_buffers(const Model& model, nn::Parameters& parameters, NetworkBuffers& buffers,
                            std::span<const float> values) {
  check_state_size(model, values.size());
  auto destination = parameters.values();
  std::copy(values.begin(), values.begin() + std::ptrdiff_t(destination.size()), destination.begin());
  const auto rest = values.subspan(destination.size());
  buffers.set_values(std::vector<Scalar>(rest.begin(), rest.end()));
}

}  // namespace aekit::models
