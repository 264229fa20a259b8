#include "aekit/nn/parameters.hpp"

#include <fmt/format.h>

#include "aekit/tensor/size_limit.hpp"

namespace aekit::nn {
namespace {

// A model file's JSON sets the layer sizes: sizes whose values and gradients would pass the
// size limit (or overflow 64 bits) are refused before anything is allocated.
void check_parameter_count(const std::vector<std::pair<std::string, Layer*>>& layers) {
  std::uint64_t bytes = 0;
  std::string sizes;
  for (const auto& [prefix, layer] : layers)
    for (const auto& spec : layer->param_specs()) {
      const std::uint64_t spec_bytes = claimed_bytes({std::uint64_t(spec.rows), std::uint64_t(spec.cols)},
                                                     2 * sizeof(Scalar));
      if (spec.rows < 0 || spec.cols < 0 || __builtin_add_overflow(bytes, spec_bytes, &bytes))
        bytes = kSizeOverflow;
      sizes += fmt::format("{}{}x{}", sizes.empty() ? "" : " + ", spec.rows, spec.cols);
    }
  check_size_limit(bytes, fmt::format("a model of {} parameters (values and gradients)", sizes));
}

}  // namespace

void Parameters::allocate_and_bind(const std::vector<std::pair<std::string, Layer*>>& layers) {
  check_parameter_count(layers);
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
