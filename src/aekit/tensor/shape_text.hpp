#pragma once
// An image shape written as text, as the data option ?shape= and `aekit filters --shape` take it:
//   parse_image_shape("28x28") = {1, 28, 28}      parse_image_shape("3x32x32") = {3, 32, 32}
#include <string_view>

#include "aekit/tensor/matrix.hpp"

namespace aekit {

// "HxW" (gray) or "CxHxW" with positive sizes. Throws UsageError naming the text otherwise.
Shape parse_image_shape(std::string_view text);

}  // namespace aekit
