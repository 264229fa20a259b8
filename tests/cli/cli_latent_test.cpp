// aekit interpolate and aekit traverse end to end: pictures and rows from an autoencoder and a
// VAE, and a model that cannot decode refused in one line.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "aekit/data/npy.hpp"
#include "support/cli_runner.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliLatent : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    write_clusters(dir_->path(), "x", 200, 1, 16);
    const std::string common = " --test-data none --threads 1 --epochs 2 --data npy:" + (*dir_ / "x.npy").string();
    const auto ae = run_aekit("train --dims 16,8,2" + common + " --out " + (*dir_ / "ae").string(), *dir_);
    const auto vae = run_aekit("train --model vae --dims 16,8,3 --loss bce" + common + " --out " + (*dir_ / "vae").string(), *dir_);
    const auto cls = run_aekit("classify --dims 16,4" + common + "?labels=" + (*dir_ / "x_labels.npy").string() +
                                   " --out " + (*dir_ / "cls").string(), *dir_);
    trained_ = ae.exit_code == 0 && vae.exit_code == 0 && cls.exit_code == 0;
    if (!trained_) std::fprintf(stderr, "%s%s%s%s%s%s", ae.out.c_str(), ae.err.c_str(), vae.out.c_str(), vae.err.c_str(),
                                cls.out.c_str(), cls.err.c_str());
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override { ASSERT_TRUE(trained_); }
  static std::string model(const std::string& run) { return " -m " + (*dir_ / run / "model.aek").string(); }
  static std::string data() { return " -d npy:" + (*dir_ / "x.npy").string(); }
  static std::string out(const std::string& name) { return " -o " + (*dir_ / name).string(); }
  static FloatMatrix rows(const std::string& name) { return data::read_npy(*dir_ / name).x; }

  static TempDir* dir_;
  static bool trained_;
};

TempDir* CliLatent::dir_ = nullptr;
bool CliLatent::trained_ = false;

TEST_F(CliLatent, InterpolationIsFramedByTheTwoRowsAndLinearPathsAreStraight) {
  auto r = run_aekit("interpolate" + model("ae") + data() + " --rows 3,7 --steps 6" + out("i.npy"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const FloatMatrix path = rows("i.npy"), x = rows("x.npy");
  ASSERT_EQ(path.rows(), 8);  // x_3, 6 decoded steps, x_7
  EXPECT_EQ(FloatMatrix(path.row(0)), FloatMatrix(x.row(3)));
  EXPECT_EQ(FloatMatrix(path.row(7)), FloatMatrix(x.row(7)));
  r = run_aekit("interpolate" + model("vae") + data() + " --rows 0,1 --spherical" + out("i.png"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(*dir_ / "i.png"));
  r = run_aekit("interpolate" + model("ae") + data() + " --rows 0,500" + out("bad.npy"), *dir_);
  expect_failure(r, 2, {"--rows", "500"});
}

TEST_F(CliLatent, TraversalsGiveARowOfStepsPerDirection) {
  auto r = run_aekit("traverse" + model("vae") + data() + " --units 0,2 --steps 5" + out("u.npy"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows("u.npy").rows(), 10);
  r = run_aekit("traverse" + model("vae") + data() + " --principal 2 --steps 4" + out("p.npy"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows("p.npy").rows(), 8);
  r = run_aekit("traverse" + model("ae") + data() + " --grid --steps 3" + out("g.npy"), *dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows("g.npy").rows(), 9);
  r = run_aekit("traverse" + model("vae") + data() + " --grid" + out("g3.npy"), *dir_);
  expect_failure(r, 2, {"2-D code", "3 values"});
  r = run_aekit("traverse" + model("ae") + data() + " --grid --principal 1" + out("x.npy"), *dir_);
  expect_failure(r, 2, {"choose one of"});
}

TEST_F(CliLatent, AModelThatCannotDecodeIsRefusedInOneLine) {
  const auto r = run_aekit("interpolate" + model("cls") + data() + out("c.png"), *dir_);
  expect_failure(r, 2, {"kind classifier", "cannot decode", "no decoder"});
  EXPECT_FALSE(fs::exists(*dir_ / "c.png"));
  const auto t = run_aekit("traverse" + model("ae") + data() + out("t.txt"), *dir_);
  expect_failure(t, 2, {".png", ".npy", ".txt"});
}

}  // namespace
}  // namespace aekit::test
