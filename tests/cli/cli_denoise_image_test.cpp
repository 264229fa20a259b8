// aekit denoise on image files: a model trained on 8x8 patches denoises a larger PNG, beats
// the noisy input on PSNR, prints the median-filter baselines, and refuses images it cannot
// handle without writing anything.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "aekit/data/npy.hpp"
#include "aekit/image/image_file.hpp"
#include "support/cli_runner.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

// Smooth 0..255 gray pictures: a few broad waves.
float wave(Index y, Index x, double phase) {
  return float(127.5 + 100 * std::sin(0.35 * double(x) + phase) * std::cos(0.25 * double(y) - phase));
}

class CliDenoiseImage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    FloatMatrix patches(3000, 64);  // 8x8 patches of shifted waves, saved as [N, 8, 8]
    for (Index n = 0; n < patches.rows(); ++n)
      for (Index y = 0; y < 8; ++y)
        for (Index x = 0; x < 8; ++x) patches(n, y * 8 + x) = wave(y + n % 7, x + n % 11, 0.01 * double(n));
    data::write_npy(*dir_ / "patches.npy", patches, Shape{1, 8, 8});
    const auto r = run_aekit("train --data npy:" + (*dir_ / "patches.npy").string() +
                                 " --test-data none --dims 64,32 --activation identity "
                                 "--noise gaussian:0.1 --epochs 15 --batch 64 --lr 0.003 "
                                 "--threads 1 --out " + (*dir_ / "run").string(), *dir_);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    image::Image clean = image::Image::filled(40, 30, 1, 0);
    for (int y = 0; y < 30; ++y)
      for (int x = 0; x < 40; ++x) clean.at(x, y, 0) = std::uint8_t(std::lround(wave(y, x, 0.3)));
    image::write_image(*dir_ / "clean.png", clean);
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string model() { return (*dir_ / "run" / "model.aek").string(); }
  static TempDir* dir_;
};
TempDir* CliDenoiseImage::dir_ = nullptr;

TEST_F(CliDenoiseImage, DenoisesALargerImageAndScoresItAgainstTheBaselines) {
  const auto r = run_aekit("denoise -m " + model() + " -i " + (*dir_ / "clean.png").string() +
                               " --noise gaussian:0.1 -o " + (*dir_ / "out.png").string(),
                           *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* line : {"noisy input", "median 3x3", "median 5x5", "autoencoder"})
    EXPECT_TRUE(contains(r.out, line)) << r.out;
  const image::Image out = image::read_image(*dir_ / "out.png");
  EXPECT_EQ(out.width, 40);
  EXPECT_EQ(out.height, 30);
  // PSNR of the model's output above the noisy input's: parse "PSNR  xx.xx dB" per line.
  const auto psnr_of = [&](const std::string& name) {
    const auto at = r.out.find("PSNR", r.out.find(name));
    return std::stod(r.out.substr(at + 4));
  };
  EXPECT_GT(psnr_of("autoencoder"), psnr_of("noisy input") + 3) << r.out;
}

TEST_F(CliDenoiseImage, ImagesItCannotHandleAreErrorsAndWriteNothing) {
  image::write_image(*dir_ / "rgb.png", image::Image::filled(20, 20, 3, 100));
  image::write_image(*dir_ / "tiny.png", image::Image::filled(5, 5, 1, 100));
  write_file(*dir_ / "broken.png", "\x89PNG\r\n\x1a\n broken");
  const struct {
    const char* input;
    const char* message;
  } cases[] = {{"rgb.png", "3 channels"}, {"tiny.png", "smaller than"}, {"broken.png", "broken.png"}};
  for (const auto& c : cases) {
    const fs::path out = *dir_ / "never.png";
    const auto r = run_aekit("denoise -m " + model() + " -i " + (*dir_ / c.input).string() +
                                 " -o " + out.string(), *dir_);
    EXPECT_EQ(r.exit_code, 1) << c.input;
    EXPECT_TRUE(contains(r.err, c.message)) << c.input << ": " << r.err;
    EXPECT_FALSE(fs::exists(out)) << c.input;
  }
}

}  // namespace
}  // namespace aekit::test
