// Cross-check of MS-SSIM against a numpy/scipy implementation of Wang, Simoncelli and Bovik's
// formula (tests/oracle/ms_ssim_oracle.py, whose scale-1 SSIM agrees with scikit-image).
//
// The cases: gray and RGB images of 5 scales (181x193), one of 3 scales with odd sides at
// range 255 (60x47: the pooling drops a row or column twice) and one of a single scale
// (13x30). Ours must agree within 1e-4 and use the same number of scales. If /usr/bin/python3,
// numpy, scipy or scikit-image is missing the test FAILS (it never skips).
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/data/npy.hpp"
#include "aekit/eval/image_quality.hpp"
#include "support/test_support.hpp"

namespace aekit::eval {
namespace {

TEST(MsSsimOracle, MatchesNumpyImplementationOfThePaper) {
  test::TempDir dir;
  const std::string command = std::string(AEKIT_PYTHON) + " " + AEKIT_SOURCE_DIR +
                              "/tests/oracle/ms_ssim_oracle.py " + dir.path().string();
  const auto script = test::run_command(command);
  ASSERT_EQ(script.exit_code, 0)
      << "the MS-SSIM oracle script failed; it needs /usr/bin/python3 with numpy, scipy and "
         "scikit-image (Debian python3-skimage, see scripts/install-deps)\ncommand: "
      << command << "\noutput:\n" << script.output;

  const auto results = nlohmann::json::parse(test::read_file(dir / "results.json"));
  ASSERT_EQ(results.at("cases").size(), 4u);
  for (const auto& c : results.at("cases")) {
    const std::string name = c.at("name").get<std::string>();
    const Shape shape{c.at("c").get<Index>(), c.at("h").get<Index>(), c.at("w").get<Index>()};
    const FloatMatrix pair = data::read_npy(dir / (name + ".npy")).x;
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
