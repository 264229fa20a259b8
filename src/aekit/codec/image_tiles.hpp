#pragma once
// An image cut into tiles for a codec, and tiles as model rows.
//   grid: tile t (row-major) covers x in [j T, min(W, (j+1) T)), y in [i T, min(H, (i+1) T)),
//         T the tile side, so the last column and row of tiles may be narrower
//   padded size of a tile: its width and height rounded up to a multiple of m (the codec's);
//         the padding repeats the tile's last column and row (edge replication: no false edges,
//         so padding costs few bits), and is cut off again when pixels are written back
//   rows:  a padded tile as one channel-major row of raw pixel values 0..255 [C*h*w], C the
//         model's channels: a gray image coded by an RGB model repeats its channel 3 times, and
//         decoding averages the model's 3 channels back to gray
#include <cstdint>

#include "aekit/image/image.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::codec {

struct TileRect {
  int x = 0, y = 0, width = 0, height = 0;
};

struct TileGrid {
  int width = 0, height = 0, tile = 0;
  int columns() const { return (width + tile - 1) / tile; }
  int rows() const { return (height + tile - 1) / tile; }
  int count() const { return columns() * rows(); }
  TileRect rect(int index) const;
};

// The padded shape of a tile rect for a model with `channels` channels and multiple m.
Shape padded_tile_shape(const TileRect& rect, Index channels, int multiple);

// Writes the tile's padded pixels (raw 0..255) into row[shape.size()].
void tile_to_row(const image::Image& image, const TileRect& rect, Shape shape, Eigen::Ref<RowVector> row);
// Writes a decoded row (raw units, any real values) back into the tile's pixels of `image`:
// rounded and clamped to 0..255 (image::to_byte), the padding dropped.
void row_to_tile(const Eigen::Ref<const RowVector>& row, Shape shape, const TileRect& rect, image::Image& image);

}  // namespace aekit::codec
