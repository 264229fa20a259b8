// aekit train on image files: patches:DIR:SIZE cut from a folder of PNGs train a model, and
// bad image specs fail with one line and the right exit code.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "aekit/image/image_file.hpp"
#include "support/cli_runner.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

// A folder of three 24x16 gray PNGs of smooth waves.
void write_pictures(const fs::path& folder) {
  fs::create_directory(folder);
  for (int n = 0; n < 3; ++n) {
    image::Image image = image::Image::filled(24, 16, 1, 0);
    for (int y = 0; y < 16; ++y)
      for (int x = 0; x < 24; ++x)
        image.at(x, y) = std::uint8_t(std::lround(127.5 + 100 * std::sin(0.4 * x + n) *
                                                              std::cos(0.3 * y - n)));
    image::write_image(folder / fmt::format("p{}.png", n), image);
  }
}

TEST(CliImageData, TrainsOnPatchesOfAFolderOfPngs) {
  TempDir dir;
  write_pictures(dir / "pictures");
  const auto r = run_aekit("train --data patches:" + (dir / "pictures").string() +
                               ":8 --dims 64,16 --epochs 1 --batch 4 --test-data none "
                               "--threads 1 --out " + (dir / "run").string(),
                           dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::is_regular_file(dir / "run" / "model.aek"));
  EXPECT_TRUE(contains(read_file(dir / "run" / "config.toml"), "patches:")) << r.out;
}

TEST(CliImageData, BadImageSpecsFailWithOneLine) {
  TempDir dir;
  write_pictures(dir / "pictures");
  const std::string folder = (dir / "pictures").string();
  expect_failure(run_aekit("train --data patches:" + folder + ":abc --dims 64,16 --epochs 1 "
                           "--test-data none --out " + (dir / "run").string(), dir),
                 2, {"SIZE=abc is not a whole number >= 1"});
  expect_failure(run_aekit("train --data patches:" + folder + ":32 --dims 64,16 --epochs 1 "
                           "--test-data none --out " + (dir / "run").string(), dir),
                 1, {"p0.png' is 24x16 gray, smaller than the 32x32 patches"});
  fs::create_directory(dir / "empty");
  expect_failure(run_aekit("train --data images:" + (dir / "empty").string() +
                           " --dims 64,16 --epochs 1 --test-data none --out " +
                           (dir / "run").string(), dir),
                 1, {"holds no image file"});
  EXPECT_FALSE(fs::exists(dir / "run"));
}

}  // namespace
}  // namespace aekit::test
