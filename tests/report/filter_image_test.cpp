#include "aekit/report/filter_image.hpp"

#include <gtest/gtest.h>

#include "aekit/report/image_grid.hpp"
#include "support/expect_error.hpp"

namespace aekit::report {
namespace {

TEST(FilterImage, AFilterIsPicturedInItsOwnShapeElseAsAnInputRow) {
  const models::Filters kernels{FloatMatrix::Ones(8, 9), Shape{1, 3, 3}, "kernels"};
  EXPECT_EQ(filter_shape(kernels, {1, 8, 8}), (Shape{1, 3, 3}));
  const models::Filters rows{FloatMatrix::Ones(4, 9), std::nullopt, "rows"};
  EXPECT_EQ(filter_shape(rows, {1, 1, 9}), (Shape{1, 3, 3}));  // square
  EXPECT_EQ(filter_shape(rows, {1, 9, 1}), (Shape{1, 9, 1}));  // the data's own shape
  EXPECT_FALSE(filter_shape(models::Filters{FloatMatrix::Ones(4, 10), std::nullopt, ""}, {1, 1, 10}));
}

TEST(FilterImage, EachFilterIsScaledByItsOwnLargestMagnitude) {
  FloatMatrix filters(3, 4);
  filters << 1, -2, 0, 0.5,  // largest |w| = 2
      0, 0, 0, 0,            // stays gray
      30, 10, 0, -15;        // largest |w| = 30
  const image::Image image = filter_image(filters, {1, 2, 2}, 10, 3);
  ASSERT_EQ(image.channels, 1);
  ASSERT_EQ(image.width, 3 * 2 + 2);
  ASSERT_EQ(image.height, 2);
  // Tile 0: 1/2, -1, 0, 1/4 -> 191, 0, 128, 159 (255 * (v + 1) / 2, rounded).
  EXPECT_EQ(image.at(0, 0), 191);
  EXPECT_EQ(image.at(1, 0), 0);
  EXPECT_EQ(image.at(0, 1), 128);
  EXPECT_EQ(image.at(1, 1), 159);
  for (int x : {3, 4})
    for (int y : {0, 1}) EXPECT_EQ(image.at(x, y), 128);  // tile 1: all zero
  EXPECT_EQ(image.at(6, 0), 255);  // tile 2: 1, 1/3, 0, -1/2
  EXPECT_EQ(image.at(7, 0), 170);
  EXPECT_EQ(image.at(7, 1), 64);
  EXPECT_EQ(image.at(2, 0), kGridBackground);  // the 1-pixel gaps
  EXPECT_EQ(image.at(5, 1), kGridBackground);
}

TEST(FilterImage, CountColumnsAndScaleSetTheSize) {
  const FloatMatrix filters = FloatMatrix::Random(7, 6);
  const image::Image image = filter_image(filters, {1, 2, 3}, 5, 2, 3);  // 5 of 7, 2 per row, 3x
  EXPECT_EQ(image.width, 2 * 9 + 1);
  EXPECT_EQ(image.height, 3 * 6 + 2);
  EXPECT_EQ(filter_image(filters, {1, 3, 2}, 100, 10).width, 7 * 2 + 6);  // count capped at H
}

TEST(FilterImage, BadArgumentsAreErrors) {
  const FloatMatrix filters = FloatMatrix::Ones(3, 4);
  test::expect_error([&] { filter_image(filters, {1, 3, 3}, 3, 3); }, {"needs 9 values", "4"});
  test::expect_error([&] { filter_image(filters, {1, 2, 2}, 0, 3); }, {"count >= 1", "0"});
  test::expect_error([&] { filter_image(filters, {1, 2, 2}, 3, 0); }, {"columns >= 1"});
  test::expect_error<UsageError>([] { parse_filter_layer("middle"); },
                                 {"'middle'", "encoder or decoder"});
  EXPECT_EQ(parse_filter_layer("decoder"), FilterLayer::decoder);
  EXPECT_EQ(filter_layer_name(FilterLayer::encoder), "encoder");
}

}  // namespace
}  // namespace aekit::report
