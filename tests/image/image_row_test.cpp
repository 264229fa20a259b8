// Image <-> data row: channel-major values in [0, 1] and back, clamped and checked.
#include "aekit/image/image_row.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit::image {
namespace {

TEST(ImageRow, ChannelMajorAndBack) {
  const image::Image image{2, 1, 3, {0, 51, 102, 153, 204, 255}};
  const RowVector row = image_to_row(image);
  ASSERT_EQ(row.size(), 6);
  // channel 0: pixels 0 and 153, channel 1: 51 and 204, channel 2: 102 and 255.
  const float expected[] = {0, 0.6f, 0.2f, 0.8f, 0.4f, 1};
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(row[i], expected[i], 1e-6) << i;
  EXPECT_EQ(image_shape(image), (Shape{3, 1, 2}));
  EXPECT_EQ(row_to_image(row, image_shape(image)), image);
  RowVector wild(2);
  wild << -0.5f, 2.0f;
  EXPECT_EQ(row_to_image(wild, {1, 1, 2}).pixels, (std::vector<std::uint8_t>{0, 255}));
  test::expect_error([&] { row_to_image(wild, {1, 2, 2}); }, {"row of 2 values", "expected 4"});
}

}  // namespace
}  // namespace aekit::image
