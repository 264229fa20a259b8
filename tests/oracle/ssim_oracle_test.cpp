// Cross-check of PSNR and SSIM against scikit-image (tests/oracle/ssim_oracle.py).
//
// The script writes pairs of images (gray and RGB; random, smooth, steps with range 255, and
// the smallest size SSIM takes, 11x11) and skimage's structural_similarity (Gaussian window,
// population covariance, as Wang et al.) and peak_signal_noise_ratio of each pair. Ours must
// agree within 1e-4 (SSIM) and 1e-4 dB (PSNR). If /usr/bin/python3 or scikit-image is
// missing the test FAILS (it never skips): install python3-skimage (scripts/install-deps).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "aekit/eval/image_quality.hpp"
#include "oracle/oracle_support.hpp"

namespace aekit::eval {
namespace {

TEST(SsimOracle, PsnrAndSsimMatchScikitImage) {
  const auto& run = test::oracle_output("ssim_oracle.py");
  ASSERT_TRUE(run.ok) << test::oracle_failure(run);
  const auto cases = test::image_pair_cases(run.folder);
  ASSERT_EQ(cases.size(), 4u);
  for (const auto& [c, name, shape, pair] : cases) {
    const double range = c.at("data_range").get<double>();
    ASSERT_EQ(pair.rows(), 2) << name;
    ASSERT_EQ(pair.cols(), shape.size()) << name;
    const double ours_ssim = ssim(pair.row(0), pair.row(1), shape, range);
    const double ours_psnr = psnr(pair.row(0), pair.row(1), range);
    EXPECT_NEAR(ours_ssim, c.at("ssim").get<double>(), 1e-4) << name;
    EXPECT_NEAR(ours_psnr, c.at("psnr").get<double>(), 1e-4) << name;
    std::printf("[ oracle   ] %s: SSIM %.8f vs scikit-image %.8f, PSNR %.6f vs %.6f dB\n",
                name.c_str(), ours_ssim, c.at("ssim").get<double>(), ours_psnr,
                c.at("psnr").get<double>());
  }
}

}  // namespace
}  // namespace aekit::eval
