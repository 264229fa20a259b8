#include "aekit/eval/image_quality.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "support/expect_error.hpp"

namespace aekit::eval {
namespace {

TEST(Psnr, ClosedForm) {
  // Every value off by 0.1: MSE = 0.01, PSNR = 10 log10(1 / 0.01) = 20 dB (range 1);
  // with range 255 it is 20 log10(255 / 0.1).
  const RowVector clean = RowVector::Constant(50, 0.5f);
  const RowVector restored = RowVector::Constant(50, 0.6f);
  EXPECT_NEAR(psnr(clean, restored, 1.0), 20.0, 1e-5);
  EXPECT_NEAR(psnr(clean, restored, 255.0), 20 * std::log10(2550.0), 1e-4);
  // One value of four off by 1: MSE = 1/4, PSNR = 10 log10(4).
  RowVector a(4), b(4);
  a << 0, 0, 0, 0;
  b << 0, 1, 0, 0;
  EXPECT_NEAR(psnr(a, b, 1.0), 10 * std::log10(4.0), 1e-9);
  EXPECT_EQ(psnr(a, a, 1.0), std::numeric_limits<double>::infinity());
}

TEST(Psnr, RejectsMismatchAndBadRange) {
  test::expect_error([] { psnr(RowVector::Zero(3), RowVector::Zero(4), 1.0); }, {"3 and 4"});
  test::expect_error([] { psnr(RowVector::Zero(3), RowVector::Zero(3), 0.0); }, {"range > 0"});
}

TEST(Ssim, IdenticalImagesScoreOne) {
  const Shape shape{3, 12, 14};
  RowVector image(shape.size());
  for (Index i = 0; i < image.size(); ++i) image[i] = float((i * 37) % 101) / 100.0f;
  EXPECT_NEAR(ssim(image, image, shape, 1.0), 1.0, 1e-12);
}

TEST(Ssim, NoiseLowersIt) {
  const Shape shape{1, 16, 16};
  RowVector clean(shape.size()), noisy(shape.size());
  for (Index i = 0; i < clean.size(); ++i) {
    clean[i] = float(i % 16) / 15.0f;
    noisy[i] = clean[i] + ((i * 7) % 5 - 2) * 0.05f;
  }
  const double s = ssim(clean, noisy, shape, 1.0);
  EXPECT_LT(s, 0.99);
  EXPECT_GT(s, 0.0);
  EXPECT_DOUBLE_EQ(s, ssim(noisy, clean, shape, 1.0));  // symmetric
}

TEST(Ssim, RejectsSmallImagesAndWrongRows) {
  test::expect_error([] { ssim(RowVector::Zero(100), RowVector::Zero(100), {1, 10, 10}, 1.0); },
                     {"at least 11x11", "found 10x10"});
  test::expect_error([] { ssim(RowVector::Zero(120), RowVector::Zero(121), {1, 11, 11}, 1.0); },
                     {"121 values", "120 and 121"});
}

TEST(MsSsim, IdenticalImagesScoreOne) {
  const Shape shape{3, 180, 177};  // 5 scales
  RowVector image(shape.size());
  for (Index i = 0; i < image.size(); ++i) image[i] = float((i * 37) % 101) / 100.0f;
  EXPECT_EQ(ms_ssim_scales(shape.h, shape.w), 5);
  EXPECT_NEAR(ms_ssim(image, image, shape, 1.0), 1.0, 1e-12);
}

TEST(MsSsim, ScalesAreThoseAtLeast11x11UpToFive) {
  EXPECT_EQ(ms_ssim_scales(10, 500), 0);
  EXPECT_EQ(ms_ssim_scales(11, 11), 1);
  EXPECT_EQ(ms_ssim_scales(21, 40), 1);  // 10x20 at scale 2
  EXPECT_EQ(ms_ssim_scales(22, 40), 2);
  EXPECT_EQ(ms_ssim_scales(175, 400), 4);  // 10x25 at scale 5
  EXPECT_EQ(ms_ssim_scales(176, 176), 5);
  EXPECT_EQ(ms_ssim_scales(4000, 4000), 5);
}

TEST(MsSsim, OneScaleIsSsimAndNoiseLowersIt) {
  const Shape shape{1, 16, 20};  // one scale: the weights renormalize to 1
  RowVector clean(shape.size()), noisy(shape.size());
  for (Index i = 0; i < clean.size(); ++i) {
    clean[i] = float(i % 20) / 19.0f;
    noisy[i] = clean[i] + ((i * 7) % 5 - 2) * 0.05f;
  }
  const double m = ms_ssim(clean, noisy, shape, 1.0);
  EXPECT_NEAR(m, ssim(clean, noisy, shape, 1.0), 1e-12);
  EXPECT_LT(m, 0.99);
  EXPECT_DOUBLE_EQ(m, ms_ssim(noisy, clean, shape, 1.0));  // symmetric
}

TEST(MsSsim, RejectsSmallImagesAndWrongRows) {
  test::expect_error([] { ms_ssim(RowVector::Zero(100), RowVector::Zero(100), {1, 10, 10}, 1.0); },
                     {"MS-SSIM", "at least 11x11", "found 10x10"});
  test::expect_error([] { ms_ssim(RowVector::Zero(120), RowVector::Zero(121), {1, 11, 11}, 1.0); },
                     {"MS-SSIM", "121 values", "120 and 121"});
  test::expect_error([] { ms_ssim(RowVector::Zero(121), RowVector::Zero(121), {1, 11, 11}, 0.0); },
                     {"range > 0"});
}

}  // namespace
}  // namespace aekit::eval
