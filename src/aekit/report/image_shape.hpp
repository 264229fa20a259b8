#pragma once
// Which picture a row of D values makes, for figures of data and of weights.
//
//   image_shape_for(784, {1,1,784}) = {1,28,28}  (no shape known: a square gray image)
//   image_shape_for(3072, {3,32,32}) = {3,32,32} (the data set's own shape wins)
//   image_shape_for(10, {1,1,10})   = nothing    (not square, no shape known)
#include <optional>

#include "aekit/tensor/matrix.hpp"

namespace aekit::report {

// `known` when it describes a gray or RGB image of `features` values (H > 1, C = 1 or 3);
// else a square gray image when `features` is a perfect square; else nothing.
std::optional<Shape> image_shape_for(Index features, Shape known);

}  // namespace aekit::report
