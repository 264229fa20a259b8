// Rate points: bpp and the metrics of a measured point, linear interpolation of a sweep at
// given rates (exact on a linear curve, NaN outside it), and the curve for the BD deltas.
#include "aekit/eval/rate_points.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/eval/image_quality.hpp"
#include "aekit/image/image_row.hpp"
#include "support/expect_error.hpp"

namespace aekit::eval {
namespace {

TEST(RatePoints, MeasureGivesBppAndTheImageQualityMetrics) {
  image::Image original = image::Image::filled(32, 24, 3, 100), decoded = original;
  for (std::size_t i = 0; i < original.pixels.size(); ++i) {
    original.pixels[i] = static_cast<std::uint8_t>((i * 37) % 251);
    decoded.pixels[i] = static_cast<std::uint8_t>(original.pixels[i] / 2 + 60);
  }
  const RatePoint p = measure_rate_point("toy", 42, 96, original, decoded);
  EXPECT_EQ(p.codec, "toy");
  EXPECT_EQ(p.quality, 42);
  EXPECT_EQ(p.bytes, 96u);
  EXPECT_DOUBLE_EQ(p.bpp, 8.0 * 96 / (32 * 24));  // channels do not count
  const RowVector a = image::image_to_row(original), b = image::image_to_row(decoded);
  const Shape shape{3, 24, 32};
  EXPECT_DOUBLE_EQ(p.psnr, psnr(a, b, 1.0));
  EXPECT_DOUBLE_EQ(p.ssim, ssim(a, b, shape, 1.0));
  EXPECT_DOUBLE_EQ(p.ms_ssim, ms_ssim(a, b, shape, 1.0));
  EXPECT_LT(p.psnr, 20.0);

  const RatePoint same = measure_rate_point("toy", 1, 10, original, original);
  EXPECT_TRUE(std::isinf(same.psnr));
  EXPECT_DOUBLE_EQ(same.ssim, 1.0);
  EXPECT_DOUBLE_EQ(same.ms_ssim, 1.0);
}

TEST(RatePoints, MeasureRefusesADecodedImageOfAnotherShape) {
  const image::Image original = image::Image::filled(16, 16, 1, 0);
  test::expect_error(
      [&] { measure_rate_point("WebP", 50, 10, original, image::Image::filled(16, 16, 3, 0)); },
      {"WebP at quality 50", "16x16x1", "found 16x16x3"});
}

// psnr = 20 + 10 bpp, ssim = bpp / 10, given out of order.
std::vector<RatePoint> linear_sweep() {
  std::vector<RatePoint> sweep;
  for (const double bpp : {2.0, 0.5, 4.0, 1.0})
    sweep.push_back({"toy", bpp, std::size_t(bpp * 100), bpp, 20 + 10 * bpp, bpp / 10, 0});
  return sweep;
}

TEST(RatePoints, InterpolationIsExactOnALineAndNanOutside) {
  const std::vector<RatePoint> sweep = linear_sweep();
  const std::vector<double> bpps{0.5, 0.75, 3.0, 4.0, 0.4, 5.0, 1.0};
  const std::vector<double> psnrs = metric_at_bpps(sweep, bpps);
  ASSERT_EQ(psnrs.size(), bpps.size());
  for (std::size_t i = 0; i < bpps.size(); ++i) {
    if (bpps[i] < 0.5 || bpps[i] > 4.0)
      EXPECT_TRUE(std::isnan(psnrs[i])) << bpps[i];
    else
      EXPECT_NEAR(psnrs[i], 20 + 10 * bpps[i], 1e-12) << bpps[i];
  }
  const std::vector<double> ssims = metric_at_bpps(sweep, bpps, &RatePoint::ssim);
  EXPECT_NEAR(ssims[2], 0.3, 1e-12);
  EXPECT_TRUE(metric_at_bpps({}, bpps).size() == bpps.size() &&
              std::isnan(metric_at_bpps({}, bpps)[0]));
}

TEST(RatePoints, InterpolationFollowsNeighboursOfABentCurve) {
  // (1, 30), (2, 34), (3, 35): at 1.5 the first segment, at 2.5 the second.
  const std::vector<RatePoint> sweep{{"c", 0, 0, 3, 35, 0, 0}, {"c", 0, 0, 1, 30, 0, 0},
                                     {"c", 0, 0, 2, 34, 0, 0}};
  const std::vector<double> bpps{1.5, 2.5};
  const std::vector<double> psnrs = metric_at_bpps(sweep, bpps);
  EXPECT_DOUBLE_EQ(psnrs[0], 32.0);
  EXPECT_DOUBLE_EQ(psnrs[1], 34.5);
}

TEST(RatePoints, CurveHoldsBppAndPsnrInOrder) {
  const std::vector<RatePoint> sweep = linear_sweep();
  const RateDistortionCurve curve = bpp_psnr_curve(sweep);
  EXPECT_EQ(curve.rate, (std::vector<double>{2.0, 0.5, 4.0, 1.0}));
  EXPECT_EQ(curve.psnr, (std::vector<double>{40.0, 25.0, 60.0, 30.0}));
}

}  // namespace
}  // namespace aekit::eval
