#include "aekit/nn/parameters.hpp"

namespace aekit::nn {

void Parameters::allocate_and_bind(const std::vector<std::pair<std::string, Layer*>>& layers) {
  slices_.clear();
  std::vector<std::pair<Index, Index>> layer_ranges;  // [begin, size) of each layer
  Index total = 0;
  for (const auto& [prefix, layer] : layers) {
    const Index begin = total;
    for (const auto& spec : layer->param_specs()) {
      slices_.push_back({prefix + "." + spec.name, total, spec.rows, spec.cols});
      total += spec.size();
    }
    layer_ranges.emplace_back(begin, total - begin);
  }
  values_.setZero(total);
  grads_.setZero(total);
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto [begin, size] = layer_ranges[i];
    layers[i].second->bind(values().subspan(begin, size), grads().subspan(begin, size));
  }
}

}  // namespace aekit::nn
