#include "aekit/tensor/shape_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "aekit/error.hpp"

namespace aekit {

Shape parse_image_shape(std::string_view text) {
  std::vector<Index> sizes;
  for (std::size_t begin = 0; begin <= text.size();) {
    const std::size_t end = std::min(text.find('x', begin), text.size());
    Index size = 0;
    const auto [ptr, ec] = std::from_chars(text.data() + begin, text.data() + end, size);
    if (ec != std::errc() || ptr != text.data() + end || size < 1) {
      sizes.clear();
      break;
    }
    sizes.push_back(size);
    begin = end + 1;
  }
  if (sizes.size() == 2) return {1, sizes[0], sizes[1]};
  if (sizes.size() == 3) return {sizes[0], sizes[1], sizes[2]};
  throw UsageError(fmt::format(
      "image shape '{}' is not valid; expected HxW or CxHxW with positive sizes, e.g. 28x28",
      text));
}

}  // namespace aekit
