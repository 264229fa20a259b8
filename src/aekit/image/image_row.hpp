#pragma once
// An image as one of aekit's data rows, and back.
//
//   row[k*H*W + y*W + x] = pixels[(y*W + x)*C + k] / 255      (channel-major C*H*W, in [0,1])
//   pixels[(y*W + x)*C + k] = round(255 * clamp(row[k*H*W + y*W + x], 0, 1))   (NaN -> 0)
// with Shape{C, H, W} = {channels, height, width}.
#include "aekit/image/image.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::image {

// The image's Shape {channels, height, width}.
Shape image_shape(const image::Image& image);

// The image as a row of C*H*W values in [0, 1]. Throws aekit::Error for inconsistent sizes.
RowVector image_to_row(const image::Image& image);

// A row of shape.size() values as an 8-bit image. Throws aekit::Error if the sizes disagree
// or the shape is not 1..4 channels.
image::Image row_to_image(const Eigen::Ref<const RowVector>& row, Shape shape);

}  // namespace aekit::image
