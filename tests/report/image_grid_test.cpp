#include "aekit/report/image_grid.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"

namespace aekit::report {
namespace {

// n gray 2x3 images (H=2, W=3); image i has every value equal to i / 10.
FloatMatrix constant_images(Index n, Shape shape = {1, 2, 3}) {
  FloatMatrix rows(n, shape.size());
  for (Index i = 0; i < n; ++i) rows.row(i).setConstant(static_cast<float>(i) / 10.0f);
  return rows;
}

std::uint8_t byte(float v) { return static_cast<std::uint8_t>(std::lround(255.0f * v)); }

TEST(ImageGrid, TileLayoutAndPadding) {
  // 5 images, 3 columns: 2 grid rows; tiles 3 wide, 2 high, 1 pixel of padding.
  const image::Image image = tile_images(constant_images(5), {1, 2, 3}, 3, 0.0f, 1.0f);
  EXPECT_EQ(image.channels, 1);
  EXPECT_EQ(image.width, 3 * 3 + 2);
  EXPECT_EQ(image.height, 2 * 2 + 1);
  for (int i = 0; i < 5; ++i) {
    const int x0 = (i % 3) * 4, y0 = (i / 3) * 3;
    for (int y = 0; y < 2; ++y)
      for (int x = 0; x < 3; ++x) EXPECT_EQ(image.at(x0 + x, y0 + y), byte(i / 10.0f)) << i;
  }
  for (int y = 0; y < image.height; ++y) {  // vertical padding columns
    EXPECT_EQ(image.at(3, y), kGridBackground);
    EXPECT_EQ(image.at(7, y), kGridBackground);
  }
  for (int x = 0; x < image.width; ++x) EXPECT_EQ(image.at(x, 2), kGridBackground);
  EXPECT_EQ(image.at(8, 3), kGridBackground);  // the empty sixth cell
}

TEST(ImageGrid, PixelOrderAndScale) {
  // One 2x2 image, values 0, 1/3, 2/3, 1 in row-major order; scaled by 2 -> 4x4 pixels.
  FloatMatrix rows(1, 4);
  rows << 0.0f, 1.0f / 3, 2.0f / 3, 1.0f;
  const image::Image image = tile_images(rows, {1, 2, 2}, 8, 0.0f, 1.0f, 1, 2);
  ASSERT_EQ(image.width, 4);
  ASSERT_EQ(image.height, 4);
  EXPECT_EQ(image.at(0, 0), 0);
  EXPECT_EQ(image.at(1, 1), 0);
  EXPECT_EQ(image.at(2, 0), 85);
  EXPECT_EQ(image.at(3, 1), 85);
  EXPECT_EQ(image.at(0, 2), 170);
  EXPECT_EQ(image.at(3, 3), 255);
}

TEST(ImageGrid, ValuesAreMappedAndClamped) {
  FloatMatrix rows(1, 5);
  rows << -3.0f, -1.0f, 0.0f, 1.0f, 7.0f;
  rows(0, 2) = std::nanf("");
  const image::Image image = tile_images(rows, {1, 1, 5}, 1, -1.0f, 1.0f);
  EXPECT_EQ(image.at(0, 0), 0);    // below low
  EXPECT_EQ(image.at(1, 0), 0);    // low
  EXPECT_EQ(image.at(2, 0), 0);    // NaN
  EXPECT_EQ(image.at(3, 0), 255);  // high
  EXPECT_EQ(image.at(4, 0), 255);  // above high
}

TEST(ImageGrid, RgbChannelsAreInterleaved) {
  FloatMatrix rows(1, 3);  // one 1x1 RGB pixel, channel-major = (r, g, b)
  rows << 1.0f, 0.0f, 0.5f;
  const image::Image image = tile_images(rows, {3, 1, 1}, 1, 0.0f, 1.0f);
  ASSERT_EQ(image.channels, 3);
  EXPECT_EQ(image.at(0, 0, 0), 255);
  EXPECT_EQ(image.at(0, 0, 1), 0);
  EXPECT_EQ(image.at(0, 0, 2), 128);
}

TEST(ImageGrid, ShapeMismatchIsAnError) {
  try {
    tile_images(constant_images(2), {1, 28, 28}, 2, 0.0f, 1.0f);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("needs 784 values per row, found 6 columns"), std::string::npos)
        << message;
  }
  EXPECT_THROW(tile_images(constant_images(2, {2, 1, 3}), {2, 1, 3}, 2, 0, 1), Error);
  EXPECT_THROW(tile_images(constant_images(2), {1, 2, 3}, 0, 0, 1), Error);
  EXPECT_THROW(tile_images(constant_images(2), {1, 2, 3}, 2, 1, 1), Error);
  EXPECT_THROW(tile_images(constant_images(0), {1, 2, 3}, 2, 0, 1), Error);
}

TEST(ImageGrid, ReconstructionGridPutsOriginalsAboveReconstructions) {
  const FloatMatrix originals = constant_images(4);
  const FloatMatrix reconstructions = FloatMatrix::Constant(4, 6, 0.9f);
  const image::Image image = reconstruction_grid(originals, reconstructions, {1, 2, 3}, 3, 0.0f, 1.0f);
  EXPECT_EQ(image.width, 3 * 3 + 2);
  EXPECT_EQ(image.height, 2 * 2 + 1);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(image.at(i * 4, 0), byte(i / 10.0f));  // row 0: originals
    EXPECT_EQ(image.at(i * 4, 3), byte(0.9f));       // row 1: reconstructions
  }
}

TEST(ImageGrid, ReconstructionGridWrapsAfterTen) {
  const FloatMatrix originals = constant_images(12) / 2;  // image i holds i / 20
  const FloatMatrix reconstructions = FloatMatrix::Constant(12, 6, 0.95f);
  const image::Image image = reconstruction_grid(originals, reconstructions, {1, 2, 3}, 50, 0.0f, 1.0f);
  EXPECT_EQ(image.width, 10 * 3 + 9);
  EXPECT_EQ(image.height, 4 * 2 + 3);  // originals, reconstructions, originals, reconstructions
  EXPECT_EQ(image.at(4 * 9, 0), byte(0.45f));  // grid row 0 ends with original 9
  EXPECT_EQ(image.at(0, 6), byte(0.5f));       // grid row 2 starts with original 10
  EXPECT_EQ(image.at(4, 6), byte(0.55f));
  EXPECT_EQ(image.at(0, 9), byte(0.95f));      // grid row 3: its reconstruction
  EXPECT_EQ(image.at(8, 9), kGridBackground);  // no third image in the last pair
}

TEST(ImageGrid, ReconstructionGridChecksShapes) {
  EXPECT_THROW(reconstruction_grid(constant_images(3), constant_images(2), {1, 2, 3}, 3, 0, 1),
               Error);
  EXPECT_THROW(reconstruction_grid(constant_images(3), FloatMatrix::Zero(3, 5), {1, 2, 3}, 3, 0, 1),
               Error);
}

}  // namespace
}  // namespace aekit::report
