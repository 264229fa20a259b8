// aekit filters: the picture's size follows the model, --count, --columns, --shape and
// --scale; a model whose input is no picture needs --shape; failures write nothing.
#include <gtest/gtest.h>

#include <filesystem>

#include "aekit/store/autoencoder_file.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/image/image.hpp"
#include "support/cli_runner.hpp"
#include "support/folder_listing.hpp"
#include "support/test_support.hpp"

namespace aekit::test {
namespace {

namespace fs = std::filesystem;

class CliFilters : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directory(out_folder()); }

  // An initialized (untrained) model with the given dims and stored input shape.
  std::string save_model(const std::string& name, std::vector<Index> dims, Shape shape) const {
    models::AutoencoderConfig config;
    config.dims = std::move(dims);
    models::Autoencoder model(config);
    Rng rng(3);
    model.initialize(rng);
    store::save_model(dir_ / name, model, data::Scaling{}, shape);
    return (dir_ / name).string();
  }
  fs::path out_folder() const { return dir_ / "out"; }
  fs::path out(const std::string& name) const { return out_folder() / name; }
  CliResult filters(const std::string& args) const { return run_aekit("filters " + args, dir_); }

  TempDir dir_;
};

TEST_F(CliFilters, SquareInputsMakeATiledPicture) {
  const std::string model = save_model("m.aek", {64, 16, 4}, {1, 1, 64});  // 16 filters of 8x8
  auto r = filters("--model " + model + " -o " + out("all.png").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "16 encoder filters (8x8)")) << r.err;
  image::Image image = image::read_png(out("all.png"));
  EXPECT_EQ(image.channels, 1);
  EXPECT_EQ(image.width, 10 * 8 + 9);  // 10 per row by default, 1-pixel gaps
  EXPECT_EQ(image.height, 2 * 8 + 1);

  r = filters("-m " + model + " --output " + out("some.png").string() +
              " --count 5 --columns 3 --scale 2 --layer decoder");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  image = image::read_png(out("some.png"));
  EXPECT_EQ(image.width, 3 * 16 + 2);
  EXPECT_EQ(image.height, 2 * 16 + 1);
}

TEST_F(CliFilters, ShapeComesFromTheFlagElseTheModel) {
  const std::string model = save_model("m.aek", {64, 3}, {1, 4, 16});
  auto r = filters("--model " + model + " -o " + out("stored.png").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(image::read_png(out("stored.png")).width, 3 * 16 + 2);
  EXPECT_EQ(image::read_png(out("stored.png")).height, 4);

  r = filters("--model " + model + " -o " + out("flag.png").string() + " --shape 16x4");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(image::read_png(out("flag.png")).width, 3 * 4 + 2);
  EXPECT_EQ(image::read_png(out("flag.png")).height, 16);
}

TEST_F(CliFilters, InputThatIsNoPictureNeedsAShape) {
  const std::string model = save_model("m.aek", {10, 4}, {1, 1, 10});
  expect_failure(filters("--model " + model + " -o " + out("f.png").string()), 2,
                 {"m.aek", "10 inputs", "not a square", "--shape"});
  expect_failure(filters("--model " + model + " -o " + out("f.png").string() + " --shape 3x3"),
                 2, {"--shape 3x3", "9 values", "have 10"});
  expect_failure(filters("--model " + model + " -o " + out("f.png").string() + " --shape 3by3"),
                 2, {"3by3", "HxW"});
  EXPECT_TRUE(folder_listing(out_folder()).empty());

  ASSERT_EQ(filters("--model " + model + " -o " + out("f.png").string() + " --shape 2x5").exit_code, 0);
  EXPECT_EQ(image::read_png(out("f.png")).width, 4 * 5 + 3);
}

TEST_F(CliFilters, BadFlagsAndMissingModelWriteNothing) {
  expect_failure(filters("--model " + (dir_ / "missing.aek").string() + " -o " +
                         out("f.png").string()),
                 1, {"missing.aek"});
  const std::string model = save_model("m.aek", {16, 4}, {1, 4, 4});
  expect_failure(filters("--model " + model + " -o " + out("f.png").string() + " --count 0"), 2,
                 {"--count"});
  expect_failure(filters("--model " + model + " -o " + out("f.png").string() + " --layer middle"),
                 2, {"--layer", "middle"});
  EXPECT_TRUE(folder_listing(out_folder()).empty());
}

}  // namespace
}  // namespace aekit::test
