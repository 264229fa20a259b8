#include "aekit/report/image_shape.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit::report {
namespace {

TEST(ImageShape, ParsesHeightByWidthAndChannels) {
  EXPECT_EQ(parse_image_shape("28x28"), (Shape{1, 28, 28}));
  EXPECT_EQ(parse_image_shape("2x5"), (Shape{1, 2, 5}));
  EXPECT_EQ(parse_image_shape("3x32x16"), (Shape{3, 32, 16}));
  for (const char* bad : {"", "28", "28x", "x28", "28x0", "28x-1", "28 x 28", "1x2x3x4", "axb"})
    test::expect_error<UsageError>([&] { parse_image_shape(bad); },
                                   {"image shape", "expected HxW or CxHxW"});
}

TEST(ImageShape, KnownShapeElseSquareElseNothing) {
  EXPECT_EQ(image_shape_for(784, {1, 1, 784}), (Shape{1, 28, 28}));
  EXPECT_EQ(image_shape_for(3072, {3, 32, 32}), (Shape{3, 32, 32}));
  EXPECT_EQ(image_shape_for(12, {1, 3, 4}), (Shape{1, 3, 4}));
  EXPECT_EQ(image_shape_for(16, {1, 2, 4}), (Shape{1, 4, 4}));  // shape of other data
  EXPECT_EQ(image_shape_for(1568, {2, 28, 28}), std::nullopt);  // 2 channels: no picture
  EXPECT_EQ(image_shape_for(10, {1, 1, 10}), std::nullopt);
  EXPECT_EQ(image_shape_for(2, {1, 1, 2}), std::nullopt);
}

}  // namespace
}  // namespace aekit::report
