#include "aekit/report/image_shape.hpp"

#include <cmath>

namespace aekit::report {

std::optional<Shape> image_shape_for(Index features, Shape known) {
  if (known.size() == features && known.h > 1 && (known.c == 1 || known.c == 3)) return known;
  const auto side = static_cast<Index>(std::llround(std::sqrt(static_cast<double>(features))));
  if (features > 0 && side * side == features) return Shape{1, side, side};
  return std::nullopt;
}

}  // namespace aekit::report
