// JPEG in memory: gray and RGB round trips stay close, the quality changes the size, and
// damaged data or impossible requests are errors.
#include "aekit/image/jpeg_codec.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "support/expect_error.hpp"

namespace aekit::image {
namespace {

image::Image color_ramp(int width, int height, int channels) {
  image::Image image = image::Image::filled(width, height, channels, 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int k = 0; k < channels; ++k)
        image.at(x, y, k) = static_cast<std::uint8_t>(10 + 5 * x + 2 * y + 40 * k);
  return image;
}

TEST(JpegCodec, RoundTripsGrayAndRgbWithinAFewLevels) {
  for (const int channels : {1, 3}) {
    const image::Image image = color_ramp(20, 12, channels);
    const image::Image back = decode_jpeg(encode_jpeg(image, 95));
    ASSERT_EQ(back.width, 20);
    ASSERT_EQ(back.height, 12);
    ASSERT_EQ(back.channels, channels);
    int worst = 0;
    for (std::size_t i = 0; i < image.pixels.size(); ++i)
      worst = std::max(worst, std::abs(int(image.pixels[i]) - int(back.pixels[i])));
    EXPECT_LE(worst, 8) << channels << " channels";
  }
  const image::Image image = color_ramp(32, 32, 3);
  EXPECT_LT(encode_jpeg(image, 20).size(), encode_jpeg(image, 95).size());
}

TEST(JpegCodec, DamagedDataAndBadRequestsAreErrors) {
  const std::string bytes = encode_jpeg(color_ramp(16, 16, 1));
  test::expect_error([&] { decode_jpeg(bytes.substr(0, bytes.size() / 2), "half.jpg"); },
                     {"half.jpg"});
  test::expect_error([&] { decode_jpeg("not a jpeg", "x.jpg"); }, {"x.jpg"});
  test::expect_error([] { encode_jpeg(color_ramp(4, 4, 2)); }, {"1 (gray) or 3"});
  EXPECT_THROW(encode_jpeg(color_ramp(4, 4, 1), 0), Error);
}

}  // namespace
}  // namespace aekit::image
