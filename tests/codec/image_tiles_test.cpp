// Cutting images into codec tiles: the grid covers every pixel once, padding replicates the
// edge, and rows go back to the same pixels (gray through a 3-channel model included).
#include "aekit/codec/image_tiles.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/codec_models.hpp"

namespace aekit::codec {
namespace {

TEST(ImageTiles, TheGridCoversEveryPixelExactlyOnce) {
  for (const auto& [width, height, tile] : std::vector<std::tuple<int, int, int>>{{1, 1, 256}, {256, 256, 256},
                                                                                  {257, 3, 256}, {600, 513, 256}}) {
    const TileGrid grid{width, height, tile};
    std::vector<int> covered(std::size_t(width) * height, 0);
    for (int t = 0; t < grid.count(); ++t) {
      const TileRect r = grid.rect(t);
      EXPECT_GE(r.width, 1);
      EXPECT_GE(r.height, 1);
      for (int y = r.y; y < r.y + r.height; ++y)
        for (int x = r.x; x < r.x + r.width; ++x) ++covered[std::size_t(y) * width + x];
    }
    EXPECT_EQ(std::count(covered.begin(), covered.end(), 1), Index(covered.size())) << width << "x" << height;
  }
}

TEST(ImageTiles, PaddingRoundsUpAndReplicatesTheEdge) {
  const image::Image image = test::random_image(21, 5, 3, 1);
  const TileRect rect{16, 0, 5, 5};
  const Shape shape = padded_tile_shape(rect, 3, 16);
  EXPECT_EQ(shape, (Shape{3, 16, 16}));
  RowVector row(shape.size());
  tile_to_row(image, rect, shape, row);
  const Index plane = 16 * 16;
  for (Index k = 0; k < 3; ++k) {
    EXPECT_EQ(row[k * plane + 2 * 16 + 3], image.at(19, 2, int(k)));           // inside
    EXPECT_EQ(row[k * plane + 2 * 16 + 15], image.at(20, 2, int(k)));          // right padding: last column
    EXPECT_EQ(row[k * plane + 15 * 16 + 15], image.at(20, 4, int(k)));         // corner: last pixel
  }
}

TEST(ImageTiles, RowsGoBackToTheirPixels) {
  for (const int channels : {1, 3}) {
    const image::Image image = test::random_image(37, 19, channels, 2);
    image::Image copy = image::Image::filled(37, 19, channels, 0);
    const TileGrid grid{37, 19, 16};
    for (int t = 0; t < grid.count(); ++t) {
      const Shape shape = padded_tile_shape(grid.rect(t), 3, 16);  // a 3-channel model for both
      RowVector row(shape.size());
      tile_to_row(image, grid.rect(t), shape, row);
      row_to_tile(row, shape, grid.rect(t), copy);
    }
    EXPECT_EQ(copy, image) << channels << " channels";
  }
}

}  // namespace
}  // namespace aekit::codec
