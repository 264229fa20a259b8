#include "aekit/nn/layer_list.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::nn {

std::vector<LayerSpec> parse_layer_list(const std::vector<std::string>& texts, std::string_view which) {
  std::vector<LayerSpec> specs;
  for (const auto& text : texts) {
    try {
      specs.push_back(parse_layer_spec(text));
    } catch (const UsageError& e) {
      throw UsageError(fmt::format("{}: {}", which, e.what()));
    }
  }
  return specs;
}

Shape build_layer_list(const std::vector<std::string>& texts, std::string_view which, Shape input, Init init,
                       Sequential& chain) {
  for (const auto& spec : parse_layer_list(texts, which)) {
    try {
      auto built = build_layer(spec, input, init);
      input = built.output;
      chain.add(std::move(built.layer));
    } catch (const UsageError& e) {
      throw UsageError(fmt::format("{}: {}", which, e.what()));
    }
  }
  return input;
}

}  // namespace aekit::nn
