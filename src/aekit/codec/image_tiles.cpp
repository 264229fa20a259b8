#include "aekit/codec/image_tiles.hpp"

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit::codec {

TileRect TileGrid::rect(int index) const {
  AEKIT_ASSERT(index >= 0 && index < count());
  const int x = (index % columns()) * tile, y = (index / columns()) * tile;
  return {x, y, std::min(tile, width - x), std::min(tile, height - y)};
}

Shape padded_tile_shape(const TileRect& rect, Index channels, int multiple) {
  const auto round_up = [multiple](int size) { return Index((size + multiple - 1) / multiple * multiple); };
  return {channels, round_up(rect.height), round_up(rect.width)};
}

void tile_to_row(const image::Image& image, const TileRect& rect, Shape shape, Eigen::Ref<RowVector> row) {
  AEKIT_ASSERT(row.size() == shape.size() && (image.channels == shape.c || image.channels == 1));
  const Index plane = shape.h * shape.w;
  for (Index k = 0; k < shape.c; ++k)
    for (Index y = 0; y < shape.h; ++y)
      for (Index x = 0; x < shape.w; ++x) {
        const int source_x = rect.x + int(std::min<Index>(x, rect.width - 1));
        const int source_y = rect.y + int(std::min<Index>(y, rect.height - 1));
        const int source_k = image.channels == 1 ? 0 : int(k);
        row[k * plane + y * shape.w + x] = Scalar(image.at(source_x, source_y, source_k));
      }
}

void row_to_tile(const Eigen::Ref<const RowVector>& row, Shape shape, const TileRect& rect, image::Image& image) {
  AEKIT_ASSERT(row.size() == shape.size() && (image.channels == shape.c || image.channels == 1));
  const Index plane = shape.h * shape.w;
  for (int y = 0; y < rect.height; ++y)
    for (int x = 0; x < rect.width; ++x) {
      const Index at = Index(y) * shape.w + x;
      if (image.channels == shape.c) {
        for (Index k = 0; k < shape.c; ++k) image.at(rect.x + x, rect.y + y, int(k)) = image::to_byte(row[k * plane + at], 0, 255);
      } else {  // gray from the model's channels: their mean
        float sum = 0;
        for (Index k = 0; k < shape.c; ++k) sum += row[k * plane + at];
        image.at(rect.x + x, rect.y + y) = image::to_byte(sum / float(shape.c), 0, 255);
      }
    }
}

}  // namespace aekit::codec
