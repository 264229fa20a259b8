// WebP in memory: gray and RGB round trips are close at quality 95 (odd sizes and 1x1
// included), gray images come back through their luma, the quality changes the size, and
// damaged data or impossible requests are errors.
#include "aekit/image/webp_codec.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/expect_error.hpp"

namespace aekit::image {
namespace {

// A smooth picture with a little texture, different in each channel.
image::Image webp_test_picture(int width, int height, int channels) {
  image::Image image = image::Image::filled(width, height, channels, 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int k = 0; k < channels; ++k)
        image.at(x, y, k) =
            static_cast<std::uint8_t>(40 + 3 * x + 2 * y + 30 * k + ((x * 7 + y * 3) % 5) * 2);
  return image;
}

// PSNR in dB of b against a (peak 255) over all samples; a and b of the same sizes.
double psnr_255(const image::Image& a, const image::Image& b) {
  double squared = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    squared += std::pow(double(a.pixels[i]) - double(b.pixels[i]), 2);
  const double mse = squared / double(a.pixels.size());
  return mse == 0 ? INFINITY : 10 * std::log10(255.0 * 255.0 / mse);
}

TEST(WebpCodec, RgbRoundTripAtQuality95HasHighPsnr) {
  for (const auto& [width, height] : {std::pair{32, 24}, {7, 5}, {1, 1}}) {
    const image::Image image = webp_test_picture(width, height, 3);
    const image::Image back = decode_webp(encode_webp(image, 95));
    ASSERT_EQ(back.width, width);
    ASSERT_EQ(back.height, height);
    ASSERT_EQ(back.channels, 3);
    EXPECT_GT(psnr_255(image, back), 35.0) << width << "x" << height;
  }
}

TEST(WebpCodec, GrayComesBackAsRgbAndItsLumaIsClose) {
  for (const auto& [width, height] : {std::pair{32, 24}, {7, 5}, {1, 1}}) {
    const image::Image image = webp_test_picture(width, height, 1);
    const std::string bytes = encode_webp(image, 95);
    const image::Image rgb = decode_webp(bytes);
    ASSERT_EQ(rgb.channels, 3);
    const image::Image gray = decode_webp_gray(bytes);
    ASSERT_EQ(gray.width, width);
    ASSERT_EQ(gray.height, height);
    ASSERT_EQ(gray.channels, 1);
    EXPECT_GT(psnr_255(image, gray), 40.0) << width << "x" << height;
    for (std::size_t p = 0; p < gray.pixels.size(); ++p)
      EXPECT_NEAR(gray.pixels[p],
                  0.299 * rgb.pixels[3 * p] + 0.587 * rgb.pixels[3 * p + 1] +
                      0.114 * rgb.pixels[3 * p + 2],
                  0.5);
  }
}

TEST(WebpCodec, LowerQualityGivesFewerBytesAndLowerPsnr) {
  const image::Image image = webp_test_picture(64, 48, 3);
  const std::string low = encode_webp(image, 5), high = encode_webp(image, 95);
  EXPECT_LT(low.size(), high.size());
  EXPECT_LT(psnr_255(image, decode_webp(low)), psnr_255(image, decode_webp(high)));
}

TEST(WebpCodec, DamagedTruncatedAndForeignDataAreRefused) {
  const std::string bytes = encode_webp(webp_test_picture(32, 32, 3), 90);
  test::expect_error([&] { decode_webp(bytes.substr(0, bytes.size() / 2), "half.webp"); },
                     {"half.webp", "damaged or unsupported WebP", "truncated"});
  test::expect_error([&] { decode_webp(bytes.substr(0, 10), "head.webp"); }, {"head.webp"});
  test::expect_error([&] { decode_webp("not a webp file at all", "x.webp"); },
                     {"x.webp", "expected a complete still WebP"});
  test::expect_error([&] { decode_webp("", "empty.webp"); }, {"empty.webp", "no bytes"});
  std::string damaged = bytes;
  damaged[20] = char(0xFF - damaged[20]);  // the VP8 frame tag
  test::expect_error([&] { decode_webp(damaged, "bad.webp"); }, {"bad.webp"});
}

TEST(WebpCodec, ImpossibleRequestsAreRefused) {
  test::expect_error([] { encode_webp(webp_test_picture(4, 4, 2)); },
                     {"2 channels", "1 (gray) or 3 (RGB)"});
  test::expect_error([] { encode_webp(webp_test_picture(4, 4, 1), 101); },
                     {"0..100", "found 101"});
  test::expect_error([] { encode_webp(image::Image::filled(16384, 1, 1, 0)); },
                     {"16384x1", "at most 16383"});
}

}  // namespace
}  // namespace aekit::image
