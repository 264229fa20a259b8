#include "aekit/models/model.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::models {

Index Model::state_size() const {
  Index total = 0;
  for (const auto& block : state_layout()) total += block.rows * block.cols;
  return total;
}

void check_state_size(const Model& model, std::size_t found) {
  const Index expected = model.state_size();
  if (Index(found) != expected)
    throw Error(fmt::format("{} model ({}): expected {} state values, found {}", model.kind(),
                            model.description(), expected, found));
}

}  // namespace aekit::models
