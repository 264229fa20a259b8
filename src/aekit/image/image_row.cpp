#include "aekit/image/image_row.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::image {

Shape image_shape(const image::Image& image) {
  return {image.channels, image.height, image.width};
}

RowVector image_to_row(const image::Image& image) {
  image::check_consistent(image);
  const Index plane = Index(image.width) * image.height;
  RowVector row(plane * image.channels);
  for (Index p = 0; p < plane; ++p)
    for (int k = 0; k < image.channels; ++k)
      row[k * plane + p] = Scalar(image.pixels[p * image.channels + k]) / Scalar(255);
  return row;
}

image::Image row_to_image(const Eigen::Ref<const RowVector>& row, Shape shape) {
  if (row.size() != shape.size())
    throw Error(fmt::format("cannot make a {}x{}x{} image of a row of {} values: expected {}",
                            shape.c, shape.h, shape.w, row.size(), shape.size()));
  image::Image image = image::Image::filled(static_cast<int>(shape.w),
                                              static_cast<int>(shape.h),
                                              static_cast<int>(shape.c), 0);
  image::check_consistent(image);
  const Index plane = shape.h * shape.w;
  for (Index p = 0; p < plane; ++p)
    for (Index k = 0; k < shape.c; ++k)
      image.pixels[p * shape.c + k] = image::to_byte(float(row[k * plane + p]), 0.0f, 1.0f);
  return image;
}

}  // namespace aekit::image
