// JPEG and WebP swept over their qualities: more quality, more bytes and higher PSNR, for
// gray and RGB images; gray images are scored gray (WebP through its luma); bad qualities are
// refused.
#include "aekit/eval/reference_codecs.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "aekit/image/webp_codec.hpp"
#include "support/expect_error.hpp"

namespace aekit::eval {
namespace {

// A textured picture: gradients, a ring pattern and a fixed pseudo-random grain.
image::Image reference_codec_picture(int width, int height, int channels) {
  image::Image image = image::Image::filled(width, height, channels, 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int k = 0; k < channels; ++k) {
        const double ring = 40 * std::sin(std::hypot(x - 20.0, y - 14.0) / (2.0 + k));
        const int grain = int((x * 73 + y * 151 + k * 29) % 17) - 8;
        image.at(x, y, k) = static_cast<std::uint8_t>(
            std::clamp(110 + 1.5 * x - y + ring + grain + 20 * k, 0.0, 255.0));
      }
  return image;
}

TEST(ReferenceCodecs, MoreQualityGivesMoreBytesAndHigherPsnr) {
  for (const auto codec : {ReferenceCodec::jpeg, ReferenceCodec::webp})
    for (const int channels : {1, 3}) {
      const image::Image image = reference_codec_picture(64, 48, channels);
      const std::vector<int> qualities{10, 30, 50, 70, 90};
      const std::vector<RatePoint> sweep = sweep_reference_codec(codec, image, qualities);
      ASSERT_EQ(sweep.size(), qualities.size());
      const std::string what =
          std::string(reference_codec_name(codec)) + ", " + std::to_string(channels) + " channels";
      for (std::size_t i = 0; i < sweep.size(); ++i) {
        EXPECT_EQ(sweep[i].codec, reference_codec_name(codec));
        EXPECT_EQ(sweep[i].quality, qualities[i]);
        EXPECT_DOUBLE_EQ(sweep[i].bpp, 8.0 * sweep[i].bytes / (64 * 48));
        EXPECT_GT(sweep[i].ssim, 0.0) << what;
        EXPECT_LE(sweep[i].ms_ssim, 1.0) << what;
        if (i == 0) continue;
        EXPECT_GT(sweep[i].bytes, sweep[i - 1].bytes) << what << " at " << qualities[i];
        EXPECT_GT(sweep[i].psnr, sweep[i - 1].psnr) << what << " at " << qualities[i];
        EXPECT_GT(sweep[i].ms_ssim, sweep[i - 1].ms_ssim) << what << " at " << qualities[i];
      }
      EXPECT_GT(sweep.back().psnr, 30.0) << what;
    }
}

TEST(ReferenceCodecs, GrayWebpIsScoredOnItsLuma) {
  const image::Image image = reference_codec_picture(40, 32, 1);
  const std::vector<int> quality{80};
  const RatePoint p = sweep_reference_codec(ReferenceCodec::webp, image, quality).front();
  const std::string bytes = image::encode_webp(image, 80);
  EXPECT_EQ(p.bytes, bytes.size());
  const RatePoint luma =
      measure_rate_point("WebP", 80, bytes.size(), image, image::decode_webp_gray(bytes));
  EXPECT_DOUBLE_EQ(p.psnr, luma.psnr);
}

TEST(ReferenceCodecs, DefaultQualitiesAndRefusals) {
  const std::vector<int> jpeg = default_qualities(ReferenceCodec::jpeg);
  const std::vector<int> webp = default_qualities(ReferenceCodec::webp);
  ASSERT_EQ(jpeg.size(), 19u);
  EXPECT_EQ(jpeg.front(), 5);
  EXPECT_EQ(jpeg.back(), 95);
  ASSERT_EQ(webp.size(), 21u);
  EXPECT_EQ(webp.front(), 0);
  EXPECT_EQ(webp.back(), 100);
  const image::Image image = reference_codec_picture(16, 16, 3);
  const std::vector<int> zero{0}, too_high{101};
  test::expect_error([&] { sweep_reference_codec(ReferenceCodec::jpeg, image, zero); },
                     {"JPEG quality must be 1..100", "found 0"});
  test::expect_error([&] { sweep_reference_codec(ReferenceCodec::webp, image, too_high); },
                     {"WebP quality must be 0..100", "found 101"});
}

}  // namespace
}  // namespace aekit::eval
