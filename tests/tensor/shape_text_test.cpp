// Image shapes written as text (tensor/shape_text.hpp).
#include "aekit/tensor/shape_text.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit {
namespace {

TEST(ImageShape, ParsesHeightByWidthAndChannels) {
  EXPECT_EQ(parse_image_shape("28x28"), (Shape{1, 28, 28}));
  EXPECT_EQ(parse_image_shape("2x5"), (Shape{1, 2, 5}));
  EXPECT_EQ(parse_image_shape("3x32x16"), (Shape{3, 32, 16}));
  for (const char* bad : {"", "28", "28x", "x28", "28x0", "28x-1", "28 x 28", "1x2x3x4", "axb"})
    test::expect_error<UsageError>([&] { parse_image_shape(bad); },
                                   {"image shape", "expected HxW or CxHxW"});
}

}  // namespace
}  // namespace aekit
