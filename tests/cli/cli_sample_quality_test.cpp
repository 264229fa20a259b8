// aekit sample-quality end to end: a VAE's samples scored through a classifier trained with
// aekit classify (Fréchet distance, confidence, class histogram), the data scored against
// itself (distance near 0), the classifier loaded by its SHA-256, and models that cannot play
// their part refused in one line.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>

#include "aekit/io/sha256.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

class CliSampleQuality : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    write_clusters(dir_->path(), "x", 300, 1, 16);
    const std::string data = " --threads 1 --test-data none --data npy:" + (*dir_ / "x.npy").string();
    const auto cls = run_aekit("classify --dims 16,8 --activation sigmoid --epochs 5 --lr 0.02" + data + "?labels=" +
                                   (*dir_ / "x_labels.npy").string() + " --out " + (*dir_ / "cls").string(), *dir_);
    const auto vae = run_aekit("train --model vae --dims 16,8,2 --loss bce --epochs 3" + data + " --out " +
                                   (*dir_ / "vae").string(), *dir_);
    trained_ = cls.exit_code == 0 && vae.exit_code == 0;
    if (!trained_) std::fprintf(stderr, "%s%s%s%s", cls.out.c_str(), cls.err.c_str(), vae.out.c_str(), vae.err.c_str());
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override { ASSERT_TRUE(trained_); }
  static CliResult quality(const std::string& model, const std::string& extra) {
    return run_aekit("sample-quality " + (*dir_ / model / "model.aek").string() + " --classifier " +
                         (*dir_ / "cls" / "model.aek").string() + " --data npy:" + (*dir_ / "x.npy").string() + " " + extra,
                     *dir_);
  }
  static TempDir* dir_;
  static bool trained_;
};

TempDir* CliSampleQuality::dir_ = nullptr;
bool CliSampleQuality::trained_ = false;

TEST_F(CliSampleQuality, ScoresAVaesSamplesThroughTheClassifier) {
  const auto r = quality("vae", "--count 500 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto q = nlohmann::json::parse(r.out);
  EXPECT_GE(q["fd"].get<double>(), 0);
  const auto histogram = q["class_histogram"].get<std::vector<Index>>();
  ASSERT_EQ(histogram.size(), 3u);
  EXPECT_EQ(std::accumulate(histogram.begin(), histogram.end(), Index(0)), 500);
  EXPECT_GT(q["mean_confidence"].get<double>(), 1.0 / 3);
  EXPECT_LE(q["mean_confidence"].get<double>(), 1.0);
  EXPECT_EQ(q["references"], 300);
  // The same seed, the same samples, the same figures.
  EXPECT_EQ(nlohmann::json::parse(quality("vae", "--count 500 --json").out)["fd"], q["fd"]);
}

TEST_F(CliSampleQuality, TheClassifierIsLoadedByItsSha256) {
  const std::string sha = io::sha256_file_hex(*dir_ / "cls" / "model.aek");
  const auto r = quality("vae", "--count 50 --json --classifier-sha256 " + sha);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string other = sha;
  other[0] = other[0] == '0' ? '1' : '0';
  expect_failure(quality("vae", "--count 50 --classifier-sha256 " + other), 2,
                 {"has sha256 " + sha, "expected " + other, "not the reference classifier"});
}

TEST_F(CliSampleQuality, ModelsThatCannotPlayTheirPartAreRefused) {
  expect_failure(quality("cls", "--count 10"), 2, {"kind classifier", "cannot sample"});
  const auto r = run_aekit("sample-quality " + (*dir_ / "vae" / "model.aek").string() + " --classifier " +
                               (*dir_ / "vae" / "model.aek").string() + " --data npy:" + (*dir_ / "x.npy").string(), *dir_);
  expect_failure(r, 2, {"kind vae", "cannot classify"});
}

}  // namespace
}  // namespace aekit::test
