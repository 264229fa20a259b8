#include "aekit/report/filter_image.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/report/image_grid.hpp"
#include "aekit/report/image_shape.hpp"

namespace aekit::report {

FilterLayer parse_filter_layer(std::string_view name) {
  if (name == "encoder") return FilterLayer::encoder;
  if (name == "decoder") return FilterLayer::decoder;
  throw UsageError(fmt::format("unknown filter layer '{}'; expected encoder or decoder", name));
}

std::string_view filter_layer_name(FilterLayer layer) {
  return layer == FilterLayer::encoder ? "encoder" : "decoder";
}

std::optional<Shape> filter_shape(const models::Filters& filters, Shape input_shape) {
  if (filters.shape) return filters.shape;
  return image_shape_for(filters.rows.cols(), input_shape);
}

FloatMatrix normalize_filters(const FloatMatrix& filters) {
  FloatMatrix normalized = filters;
  for (Index j = 0; j < normalized.rows(); ++j) {
    const float largest = normalized.row(j).cwiseAbs().maxCoeff();
    if (largest > 0) normalized.row(j) /= largest;
  }
  return normalized;
}

image::Image filter_image(const FloatMatrix& filters, Shape shape, Index count, Index columns, int scale) {
  if (count < 1) throw Error(fmt::format("filter image: expected count >= 1, found {}", count));
  const FloatMatrix shown = normalize_filters(filters.topRows(std::min(count, filters.rows())));
  return tile_images(shown, shape, columns, -1.0f, 1.0f, 1, scale);
}

}  // namespace aekit::report
