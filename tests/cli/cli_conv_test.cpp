// A conv autoencoder through the command line: trained from a TOML layer list on image rows,
// then eval, reconstruct, filters and denoise on a PNG larger than its input, and the errors
// a user meets first (data of the wrong shape, a layer list that does not fit).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "aekit/data/npy.hpp"
#include "aekit/store/autoencoder_file.hpp"
#include "aekit/image/image_file.hpp"
#include "support/cli_runner.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

// 8x8 gray images of smooth waves in [0.1, 0.9], a different frequency and phase in each.
FloatMatrix smooth_images(Index rows, std::uint64_t seed) {
  Rng rng(seed);
  FloatMatrix x(rows, 64);
  for (Index n = 0; n < rows; ++n) {
    const double fx = rng.uniform(0.2, 0.8), fy = rng.uniform(0.2, 0.8), phase = rng.uniform(0, 6.3);
    for (Index y = 0; y < 8; ++y)
      for (Index c = 0; c < 8; ++c)
        x(n, y * 8 + c) = float(0.5 + 0.4 * std::sin(fx * double(c) + phase) * std::cos(fy * double(y)));
  }
  return x;
}

class CliConv : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    data::write_npy(*dir_ / "x.npy", smooth_images(1000, 1), Shape{1, 8, 8});
    write_file(*dir_ / "conv.toml",
               "model = \"conv\"\n"
               "data = \"npy:" + (*dir_ / "x.npy").string() + "\"\n"
               "test_data = \"none\"\n"
               "encoder_layers = [\"conv 8 3x3 pad=1 relu\", \"maxpool 2\"]\n"
               "decoder_layers = [\"deconv 4 2x2 stride=2 relu\", \"conv 1 3x3 pad=1\"]\n"
               "noise = \"gaussian:0.1\"\n"
               "epochs = 30\nbatch = 32\nlr = 0.01\nthreads = 2\n");
    const auto r = run_aekit("train --config " + (*dir_ / "conv.toml").string() + " --out " +
                                 (*dir_ / "run").string(), *dir_);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    image::Image image = image::Image::filled(21, 13, 1, 90);
    for (int y = 0; y < 13; ++y)
      for (int x = 0; x < 21; ++x) image.at(x, y, 0) = std::uint8_t((x * 11 + y * 7) % 256);
    image::write_image(*dir_ / "photo.png", image);
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string model() { return (*dir_ / "run" / "model.aek").string(); }
  static TempDir* dir_;
};
TempDir* CliConv::dir_ = nullptr;

TEST_F(CliConv, TrainsFromATomlLayerListAndSavesTheResolvedModel) {
  const auto saved = store::load_autoencoder(model());
  EXPECT_EQ(saved.model->config().architecture, models::Architecture::conv);
  EXPECT_EQ(saved.model->code_shape(), (Shape{8, 4, 4}));
  EXPECT_EQ(saved.model->parameters().size(), (8 * 9 + 8) + (8 * 4 * 4 + 4) + (4 * 9 + 1));
  const std::string config = read_file(*dir_ / "run" / "config.toml");
  EXPECT_TRUE(contains(config, "encoder_layers = [\"conv 8 3x3 pad=1 relu\", \"maxpool 2\"]"))
      << config;
  EXPECT_TRUE(fs::exists(*dir_ / "run" / "filters.png")) << "first-layer kernels drawn";
  const auto r = run_aekit("info -m " + model(), *dir_);
  EXPECT_TRUE(contains(r.out, "conv [1, 8, 8]: conv 8 3x3 pad=1 relu, maxpool 2 -> code [8, 4, 4]"))
      << r.out;
}

TEST_F(CliConv, EvalReconstructAndFiltersWork) {
  auto r = run_aekit("eval -m " + model() + " -d npy:" + (*dir_ / "x.npy").string() +
                         " --noise gaussian:0.1 --json", *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_TRUE(json.at("jacobian_fro").is_null()) << "measured for mlp models only";
  EXPECT_LT(json.at("denoised_mse").get<double>(), json.at("noisy_mse").get<double>()) << json;
  r = run_aekit("reconstruct -m " + model() + " -i npy:" + (*dir_ / "x.npy").string() +
                    " -o " + (*dir_ / "r.npy").string(), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(data::read_npy(*dir_ / "r.npy").x.cols(), 64);
  r = run_aekit("filters -m " + model() + " -o " + (*dir_ / "f.png").string(), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "8 encoder filters (3x3)")) << r.err;
  r = run_aekit("filters -m " + model() + " --layer decoder -o " + (*dir_ / "g.png").string(), *dir_);
  expect_failure(r, 2, {"decoder filters", "mlp models only"});
  EXPECT_FALSE(fs::exists(*dir_ / "g.png"));
}

TEST_F(CliConv, DenoisesAnImageLargerThanItsInputTileByTile) {
  auto r = run_aekit("denoise -m " + model() + " -i " + (*dir_ / "photo.png").string() +
                         " --noise gaussian:0.1 -o " + (*dir_ / "out.png").string() +
                         " --noisy-output " + (*dir_ / "noisy.png").string(), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "autoencoder")) << r.out;
  const auto out = image::read_image(*dir_ / "out.png");
  EXPECT_EQ(out.width, 21);
  EXPECT_EQ(out.height, 13);
  const auto noisy = image::read_image(*dir_ / "noisy.png"), clean = image::read_image(*dir_ / "photo.png");
  EXPECT_EQ(noisy.width, 21);
  EXPECT_NE(noisy.pixels, clean.pixels) << "the corrupted input, not the clean one";
  // Data sets: the noisy rows in the data's own units, next to the denoised ones.
  r = run_aekit("denoise -m " + model() + " -i npy:" + (*dir_ / "x.npy").string() +
                    " --noise mask:0.5 -o " + (*dir_ / "d.npy").string() + " --noisy-output " +
                    (*dir_ / "n.npy").string(), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const FloatMatrix n = data::read_npy(*dir_ / "n.npy").x, x = data::read_npy(*dir_ / "x.npy").x;
  ASSERT_EQ(n.rows(), x.rows());
  // Masking sets a scaled pixel to 0, which is the data's smallest value in its own units.
  const auto masked = ((n - x).array().abs() > 1e-5f);
  EXPECT_NEAR(double(masked.count()) / double(n.size()), 0.5, 0.05) << "half the pixels masked";
  EXPECT_TRUE((masked.select(n.array() - x.minCoeff(), 0).abs() < 1e-5f).all());
  r = run_aekit("denoise -m " + model() + " -i npy:" + (*dir_ / "x.npy").string() + " -o " +
                    (*dir_ / "e.npy").string() + " --noisy-output " + (*dir_ / "f.npy").string(),
                *dir_);
  expect_failure(r, 2, {"--noisy-output", "--noise"});
  EXPECT_FALSE(fs::exists(*dir_ / "e.npy"));
}

TEST_F(CliConv, CodeNoiseOnThePresetIsAUsageError) {
  // Was: "internal error: assertion 'x.cols() == in_features()' failed" after an invalid cast.
  const auto r = run_aekit("train --model conv --code-noise 4 --data fashion-mnist:test?limit=64 "
                           "--test-data none --epochs 1 --out " + (*dir_ / "noisy").string(), *dir_);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("code_noise needs a dense code layer (the last of encoder_layers), found "
                       "'maxpool 2' (conv_preset convae)"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(*dir_ / "noisy"));
}

TEST_F(CliConv, DataOfAnotherShapeAndLayersThatDoNotFitAreRefused) {
  data::write_npy(*dir_ / "wide.npy", uniform_data(50, 64, 2), Shape{1, 4, 16});
  auto r = run_aekit("eval -m " + model() + " -d npy:" + (*dir_ / "wide.npy").string(), *dir_);
  expect_failure(r, 1, {"expects images of shape [1, 8, 8]", "[1, 4, 16]"});
  r = run_aekit("train --model conv --data npy:" + (*dir_ / "x.npy").string() +
                    " --test-data npy:" + (*dir_ / "wide.npy").string() + " --out " +
                    (*dir_ / "bad1").string(), *dir_);
  expect_failure(r, 1, {"[1, 8, 8]", "[1, 4, 16]"});
  r = run_aekit("train --model conv --data npy:" + (*dir_ / "x.npy").string() +
                    " --test-data none --encoder-layers 'conv 4 9' --decoder-layers 'conv 1 3' "
                    "--out " + (*dir_ / "bad2").string(), *dir_);
  expect_failure(r, 2, {"encoder_layers", "'conv 4 9'", "[1, 8, 8]"});
  r = run_aekit("train --model conv --tied true --data npy:" + (*dir_ / "x.npy").string() +
                    " --out " + (*dir_ / "bad3").string(), *dir_);
  expect_failure(r, 2, {"tied = true applies to models mlp, classifier, not to model conv"});
  for (const char* run : {"bad1", "bad2", "bad3"}) EXPECT_FALSE(fs::exists(*dir_ / run)) << run;
}

}  // namespace
}  // namespace aekit::test
