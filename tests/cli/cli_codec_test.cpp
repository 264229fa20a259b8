// The codec end to end through the command line: train a (tiny) learned codec on patches of
// images, 1 + 1 epochs resumed equal 2 straight; compress and decompress files (the decoded
// image is what codec-eval scored, the file's size is the rate table's bytes); codec-eval's
// outputs; and every failure exits non-zero in one line without touching existing outputs.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aekit/image/image_file.hpp"
#include "aekit/store/saved_model.hpp"
#include "support/cli_runner.hpp"
#include "support/codec_models.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliCodec : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    fs::create_directories(*dir_ / "train");
    image::write_image(*dir_ / "train" / "a.png", smooth_image(48, 40, 3, 1));
    image::write_image(*dir_ / "train" / "b.png", smooth_image(40, 48, 3, 2));
    image::write_image(*dir_ / "photo.png", smooth_image(37, 29, 3, 3));  // odd size, not trained on
    image::write_image(*dir_ / "gray.png", smooth_image(30, 20, 1, 4));
    const auto r = run_aekit(train_args(2, "straight"), *dir_);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string train_args(int epochs, const std::string& out) {
    return "train --model codec --codec-filters 4 --codec-latent 4 --data patches:" + (*dir_ / "train").string() +
           ":16:8 --test-data none --scaling unit --batch 8 --lr 0.001 --patience 0 --seed 3 --threads 2 --epochs " +
           std::to_string(epochs) + " --out " + (*dir_ / out).string();
  }
  static std::string model() { return (*dir_ / "straight" / "model.aek").string(); }
  static std::string path(const std::string& name) { return (*dir_ / name).string(); }
  static TempDir* dir_;
};
TempDir* CliCodec::dir_ = nullptr;

TEST_F(CliCodec, OnePlusOneResumedEpochsEqualTwoStraight) {
  auto r = run_aekit(train_args(1, "resumed"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_aekit("train --resume --epochs 2 --out " + path("resumed"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto a = store::load_model(model()), b = store::load_model(*dir_ / "resumed" / "model.aek");
  EXPECT_EQ(a.model->state(), b.model->state());
  EXPECT_EQ(a.model->kind(), "codec");
  const auto summary = nlohmann::json::parse(read_file(*dir_ / "straight" / "summary.json"));
  EXPECT_EQ(summary.at("epochs_done").get<int>(), 2);
  const auto metrics = read_file(*dir_ / "straight" / "metrics.jsonl");
  for (const char* key : {"train_bpp", "train_mse", "val_rd_loss", "val_bpp", "val_psnr"})
    EXPECT_TRUE(contains(metrics, key)) << key;
  // The report's codec section: PSNR against bpp at each of the 8 qualities.
  EXPECT_TRUE(fs::exists(*dir_ / "straight" / "rate_distortion.svg"));
  const std::string report = read_file(*dir_ / "straight" / "report.html");
  EXPECT_TRUE(contains(report, "Rate and distortion"));
  EXPECT_TRUE(contains(report, "<td class=\"num\">8</td>")) << "a row per quality";
}

TEST_F(CliCodec, CompressedFilesDecodeToWhatCodecEvalScoredAtTheSizeItReports) {
  auto r = run_aekit("compress " + path("photo.png") + " --codec " + model() + " -q 5 -o " + path("photo.aeimg"),
                     *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto bytes = fs::file_size(path("photo.aeimg"));
  EXPECT_TRUE(contains(r.err, std::to_string(bytes) + " bytes")) << r.err;
  r = run_aekit("decompress " + path("photo.aeimg") + " --codec " + model() + " -o " + path("photo_out.png"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const image::Image decoded = image::read_image(path("photo_out.png"));
  EXPECT_EQ(decoded.width, 37);
  EXPECT_EQ(decoded.height, 29);
  EXPECT_EQ(decoded.channels, 3);

  r = run_aekit("codec-eval " + path("photo.png") + " " + path("gray.png") + " --codec " + model() +
                    " --qualities 1,5,8 --images-out -o " + path("eval"),
                *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "| photo | aekit |")) << r.out;
  EXPECT_TRUE(contains(r.out, "| mean of 2 | JPEG |")) << r.out;
  for (const char* file : {"rate_distortion.csv", "rate_distortion.svg", "photo_rd.svg", "gray_rd.svg", "summary.md",
                           "images/photo_q5.png", "images/photo_unquantized.png", "images/gray_original.png"})
    EXPECT_TRUE(fs::exists(*dir_ / "eval" / file)) << file;
  // The table's row for quality 5 has the file's bytes, and its decoded image is the file's.
  EXPECT_TRUE(contains(read_file(*dir_ / "eval" / "rate_distortion.csv"), "photo,aekit,5," + std::to_string(bytes) + ","));
  EXPECT_EQ(image::read_image(*dir_ / "eval" / "images" / "photo_q5.png"), decoded);
}

TEST_F(CliCodec, FailuresExitInOneLineAndLeaveExistingFilesAlone) {
  write_file(*dir_ / "keep.png", "precious");
  write_file(*dir_ / "keep.aeimg", "precious");
  auto r = run_aekit("compress " + path("photo.png") + " --codec " + model() + " -q 9 -o " + path("keep.aeimg"), *dir_);
  expect_failure(r, 2, {"quality: expected 1 to 8", "found 9"});
  r = run_aekit("compress " + path("missing.png") + " --codec " + model() + " -o " + path("keep.aeimg"), *dir_);
  expect_failure(r, 1, {"missing.png"});
  r = run_aekit("compress " + path("photo.png") + " --codec " + path("missing.aek") + " -o " + path("keep.aeimg"), *dir_);
  expect_failure(r, 1, {"missing.aek"});
  EXPECT_EQ(read_file(*dir_ / "keep.aeimg"), "precious");

  // Another model (trained one epoch less) refuses the file; so do damaged and truncated files.
  r = run_aekit("compress " + path("photo.png") + " --codec " + model() + " -o " + path("good.aeimg"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto other = run_aekit(train_args(1, "other"), *dir_);
  ASSERT_EQ(other.exit_code, 0) << other.err;
  r = run_aekit("decompress " + path("good.aeimg") + " --codec " + path("other/model.aek") + " -o " + path("keep.png"),
                *dir_);
  expect_failure(r, 1, {"good.aeimg", "another codec model"});
  const std::string good = read_file(*dir_ / "good.aeimg");
  std::string damaged = good;
  damaged[damaged.size() / 2] ^= 0x10;
  write_file(*dir_ / "damaged.aeimg", damaged);
  r = run_aekit("decompress " + path("damaged.aeimg") + " --codec " + model() + " -o " + path("keep.png"), *dir_);
  expect_failure(r, 1, {"damaged.aeimg", "checksum"});
  write_file(*dir_ / "truncated.aeimg", good.substr(0, good.size() - 9));
  r = run_aekit("decompress " + path("truncated.aeimg") + " --codec " + model() + " -o " + path("keep.png"), *dir_);
  expect_failure(r, 1, {"truncated.aeimg"});
  r = run_aekit("decompress " + path("good.aeimg") + " --codec " + model() + " -o " + path("out.txt"), *dir_);
  expect_failure(r, 2, {"--output", "out.txt"});
  EXPECT_EQ(read_file(*dir_ / "keep.png"), "precious");
  EXPECT_FALSE(fs::exists(*dir_ / "out.txt"));

  // A gray codec refuses RGB images; a model that cannot code images is named.
  r = run_aekit("codec-eval " + path("photo.png") + " " + path("missing.png") + " --codec " + model() + " -o " +
                    path("eval_missing"),
                *dir_);
  expect_failure(r, 1, {"missing.png"});
  EXPECT_FALSE(fs::exists(*dir_ / "eval_missing"));
  write_patch_codec_file(*dir_ / "relu.aek", 3, 4, 6, Activation::relu);
  r = run_aekit("compress " + path("photo.png") + " --codec " + path("relu.aek") + " -o " + path("x.aeimg"), *dir_);
  expect_failure(r, 2, {"relu.aek", "codes must be bounded"});
  write_learned_codec_file(*dir_ / "gray_codec.aek", 1);
  r = run_aekit("compress " + path("photo.png") + " --codec " + path("gray_codec.aek") + " -o " + path("x.aeimg"), *dir_);
  expect_failure(r, 2, {"codes gray images", "3 channels"});
  EXPECT_FALSE(fs::exists(*dir_ / "x.aeimg"));
}

}  // namespace
}  // namespace aekit::test
