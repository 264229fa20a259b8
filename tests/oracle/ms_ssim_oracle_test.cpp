// Cross-check of MS-SSIM against a numpy/scipy implementation of Wang, Simoncelli and Bovik's
// formula (tests/oracle/ms_ssim_oracle.py, whose scale-1 SSIM agrees with scikit-image).
//
// The cases: gray and RGB images of 5 scales (181x193), one of 3 scales with odd sides at
// range 255 (60x47: the pooling drops a row or column twice) and one of a single scale
// (13x30). Ours must agree within 1e-4 and use the same number of scales. If /usr/bin/python3,
// numpy, scipy or scikit-image is missing the test FAILS (it never skips).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "aekit/eval/image_quality.hpp"
#include "oracle/oracle_support.hpp"

namespace aekit::eval {
namespace {

TEST(MsSsimOracle, MatchesNumpyImplementationOfThePaper) {
  const auto& run = test::oracle_output("ms_ssim_oracle.py");
  ASSERT_TRUE(run.ok) << test::oracle_failure(run);
  const auto cases = test::image_pair_cases(run.folder);
  ASSERT_EQ(cases.size(), 4u);
  for (const auto& [c, name, shape, pair] : cases) {
    ASSERT_EQ(pair.rows(), 2) << name;
    ASSERT_EQ(pair.cols(), shape.size()) << name;
    EXPECT_EQ(ms_ssim_scales(shape.h, shape.w), c.at("scales").get<int>()) << name;
    const double ours = ms_ssim(pair.row(0), pair.row(1), shape, c.at("data_range").get<double>());
    EXPECT_NEAR(ours, c.at("ms_ssim").get<double>(), 1e-4) << name;
    std::printf("[ oracle   ] %s: MS-SSIM %.8f vs numpy %.8f\n", name.c_str(), ours,
                c.at("ms_ssim").get<double>());
  }
}

}  // namespace
}  // namespace aekit::eval
