#include "aekit/report/image_shape.hpp"

#include <gtest/gtest.h>

namespace aekit::report {
namespace {

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
