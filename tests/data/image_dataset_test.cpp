// The images: and patches: data sets: exact pixel values in channel-major rows, the order and
// stride of patches, folders read in name order, limit, and an error for every image set that
// does not fit.
#include "aekit/data/image_dataset.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "aekit/data/npy.hpp"
#include "aekit/image/image_file.hpp"
#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::data {
namespace {

namespace fs = std::filesystem;

// Sample (x, y, k) of the images below: every value tells where it came from (x, y < 8).
float sample(Index x, Index y, Index k, Index offset = 0) {
  return float(offset + 64 * k + 8 * y + x);
}

image::Image numbered(int width, int height, int channels, int offset = 0) {
  image::Image image = image::Image::filled(width, height, channels, 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int k = 0; k < channels; ++k) image.at(x, y, k) = std::uint8_t(sample(x, y, k, offset));
  return image;
}

std::string write(const fs::path& path, const image::Image& image) {
  image::write_image(path, image);
  return path.string();
}

// Loads `spec`, failing the test unless it holds `rows` rows of `shape`; on a mismatch its x
// becomes zeros of the expected size, so the checks that follow fail rather than read out of
// bounds.
Dataset load_expecting(const std::string& spec, Index rows, Shape shape) {
  Dataset data = load_dataset(spec);
  EXPECT_EQ(data.shape, shape) << spec;
  EXPECT_EQ(data.x.rows(), rows) << spec;
  EXPECT_EQ(data.x.cols(), shape.size()) << spec;
  if (data.x.rows() != rows || data.x.cols() != shape.size())
    data.x = FloatMatrix::Zero(rows, shape.size());
  return data;
}

RowVector values(std::initializer_list<float> list) {
  RowVector row(Index(list.size()));
  Index i = 0;
  for (const float v : list) row[i++] = v;
  return row;
}

TEST(ImageDataset, GrayPatchesComeRowMajorWithTheirPixels) {
  test::TempDir dir;
  const std::string file = write(dir / "g.png", numbered(6, 5, 1));  // 6 wide, 5 high
  // Origins y in {0, 2}, x in {0, 2, 4}: the last row of pixels is left out.
  const Dataset data = load_expecting("patches:" + file + ":2", 6, Shape{1, 2, 2});
  EXPECT_EQ(data.name, "patches:" + file + ":2:2");
  EXPECT_TRUE(data.labels.empty());
  EXPECT_EQ(RowVector(data.x.row(0)), values({0, 1, 8, 9}));
  EXPECT_EQ(RowVector(data.x.row(1)), values({2, 3, 10, 11}));
  EXPECT_EQ(RowVector(data.x.row(2)), values({4, 5, 12, 13}));
  EXPECT_EQ(RowVector(data.x.row(3)), values({16, 17, 24, 25}));
  EXPECT_EQ(RowVector(data.x.row(5)), values({20, 21, 28, 29}));
}

TEST(ImageDataset, StrideSetsTheGridOfOrigins) {
  test::TempDir dir;
  const std::string file = write(dir / "g.png", numbered(6, 5, 1));
  // Origins y in 0..2, x in 0..3: 3 x 4 overlapping patches of 3x3.
  const Dataset data = load_expecting("patches:" + file + ":3:1", 12, Shape{1, 3, 3});
  for (Index r = 0; r < 12; ++r)
    for (Index y = 0; y < 3; ++y)
      for (Index x = 0; x < 3; ++x)
        EXPECT_EQ(data.x(r, y * 3 + x), sample(r % 4 + x, r / 4 + y, 0)) << r;
  // Origins y in {0, 3}, x in {0, 3}.
  const Dataset wide = load_expecting("patches:" + file + ":2:3", 4, Shape{1, 2, 2});
  EXPECT_EQ(RowVector(wide.x.row(3)), values({27, 28, 35, 36}));
}

TEST(ImageDataset, RgbRowsAreChannelMajor) {
  test::TempDir dir;
  const std::string file = write(dir / "c.png", numbered(4, 4, 3));
  const Dataset patches = load_expecting("patches:" + file + ":2", 4, Shape{3, 2, 2});
  // The patch at origin (y 0, x 2): red plane, then green, then blue.
  EXPECT_EQ(RowVector(patches.x.row(1)),
            values({2, 3, 10, 11, 66, 67, 74, 75, 130, 131, 138, 139}));

  const Dataset whole = load_expecting("images:" + file, 1, Shape{3, 4, 4});
  EXPECT_EQ(whole.name, "images:" + file);
  for (Index k = 0; k < 3; ++k)
    for (Index y = 0; y < 4; ++y)
      for (Index x = 0; x < 4; ++x)
        EXPECT_EQ(whole.x(0, k * 16 + y * 4 + x), sample(x, y, k)) << k << y << x;
}

TEST(ImageDataset, FolderGivesItsImagesInNameOrder) {
  test::TempDir dir;
  write(dir / "b.png", numbered(3, 2, 1, 100));
  write(dir / "a.pgm", numbered(3, 2, 1, 0));
  write(dir / "c.jpg", image::Image::filled(3, 2, 1, 200));  // flat: JPEG keeps it exactly
  test::write_file(dir / "notes.txt", "not an image");
  fs::create_directory(dir / "sub.png");
  write(dir / "sub.png" / "d.png", numbered(5, 5, 1));

  const Dataset data = load_expecting("images:" + dir.path().string(), 3, Shape{1, 2, 3});
  EXPECT_EQ(data.name, "images:" + dir.path().string());
  EXPECT_EQ(RowVector(data.x.row(0)), values({0, 1, 2, 8, 9, 10}));
  EXPECT_EQ(RowVector(data.x.row(1)), values({100, 101, 102, 108, 109, 110}));
  EXPECT_EQ(RowVector(data.x.row(2)), RowVector::Constant(6, 200));

  const auto files = image_files(dir.path());
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].filename(), "a.pgm");
  EXPECT_EQ(files[2].filename(), "c.jpg");
}

TEST(ImageDataset, PatchesOfImagesOfDifferentSizes) {
  test::TempDir dir;
  write(dir / "1.png", numbered(4, 2, 1));       // 2 patches of 2x2
  write(dir / "2.png", numbered(2, 4, 1, 100));  // 2 more, below each other
  const Dataset data = load_expecting("patches:" + dir.path().string() + ":2", 4, Shape{1, 2, 2});
  EXPECT_EQ(RowVector(data.x.row(1)), values({2, 3, 10, 11}));
  EXPECT_EQ(RowVector(data.x.row(2)), values({100, 101, 108, 109}));
  EXPECT_EQ(RowVector(data.x.row(3)), values({116, 117, 124, 125}));
}

TEST(ImageDataset, OptionsApplyAfterCutting) {
  test::TempDir dir;
  write(dir / "a.png", numbered(6, 5, 1));
  write(dir / "b.png", numbered(6, 5, 1, 50));
  const std::string folder = dir.path().string();
  const Dataset all = load_expecting("patches:" + folder + ":2", 12, Shape{1, 2, 2});
  const Dataset some = load_dataset("patches:" + folder + ":2?limit=8");
  EXPECT_EQ(some.x, all.x.topRows(8));
  EXPECT_EQ(some.shape, all.shape);
  EXPECT_EQ(load_dataset("images:" + folder + "?limit=1").x.rows(), 1);

  // Labels make no sense here, but the generic options still behave.
  write_npy_labels(dir / "y.npy", {0, 1});
  EXPECT_EQ(load_dataset("images:" + folder + "?labels=" + (dir / "y.npy").string()).labels,
            (std::vector<int>{0, 1}));
  test::expect_error([&] {
    load_dataset("patches:" + folder + ":2?labels=" + (dir / "y.npy").string());
  }, {"has 12 rows but labels", "has 2 labels"});
  const Dataset column = load_dataset("patches:" + folder + ":2?label_column=0");
  EXPECT_EQ(column.x.cols(), 3);
  EXPECT_EQ(column.labels.size(), 12u);
  EXPECT_EQ(column.labels[1], 2);
}

TEST(ImageDataset, ImagesOfDifferentSizesOrChannelsAreRefused) {
  test::TempDir dir;
  const std::string a = write(dir / "a.png", numbered(6, 5, 1));
  const std::string b = write(dir / "b.png", numbered(5, 5, 1));
  test::expect_error([&] { load_dataset("images:" + dir.path().string()); },
                     {"image '" + b + "' is 5x5 gray", "expected 6x5 gray like '" + a + "'",
                      "patches:PATH:SIZE"});
  fs::remove(b);
  const std::string c = write(dir / "c.png", numbered(6, 5, 3));
  test::expect_error([&] { load_dataset("images:" + dir.path().string()); },
                     {"image '" + c + "' is 6x5 RGB", "expected 6x5 gray"});
  test::expect_error([&] { load_dataset("patches:" + dir.path().string() + ":2"); },
                     {"image '" + c + "' is 6x5 RGB", "expected gray like '" + a + "'",
                      "one channel count"});
}

TEST(ImageDataset, ImageSmallerThanAPatchIsNamed) {
  test::TempDir dir;
  write(dir / "a.png", numbered(8, 8, 1));
  const std::string small = write(dir / "b.png", numbered(8, 3, 1));
  test::expect_error([&] { load_dataset("patches:" + dir.path().string() + ":4"); },
                     {"image '" + small + "' is 8x3 gray", "smaller than the 4x4 patches"});
}

TEST(ImageDataset, BadSizeOrStrideTextIsAUsageError) {
  test::TempDir dir;
  const std::string folder = dir.path().string();
  write(dir / "a.png", numbered(8, 8, 1));
  for (const std::string bad : {":abc", ":0", ":-2", ":4:0", ":4:x", ":2.5", ":"})
    test::expect_error<UsageError>([&] { load_dataset("patches:" + folder + bad); },
                                   {"patches:" + folder + bad, "is not a whole number >= 1"});
  const std::vector<std::string> malformed = {"patches:" + folder, "patches:" + folder + ":4:2:1",
                                              "patches"};
  for (const std::string& bad : malformed)
    test::expect_error<UsageError>([&] { load_dataset(bad); },
                                   {"expected patches:PATH:SIZE[:STRIDE]"});
  test::expect_error<UsageError>([] { load_patches("x", 0, 1); }, {"at least 1"});
  test::expect_error<UsageError>([] { load_dataset("imgs:x"); },
                                 {"images:PATH", "patches:PATH:SIZE[:STRIDE]"});
}

TEST(ImageDataset, EmptyFolderMissingPathAndCorruptImage) {
  test::TempDir dir;
  test::write_file(dir / "readme.txt", "no images here");
  const std::string folder = dir.path().string();
  test::expect_error([&] { load_dataset("images:" + folder); },
                     {"folder '" + folder + "' holds no image file", ".png"});
  test::expect_error([&] { load_dataset("patches:" + folder + ":8"); }, {"holds no image file"});
  test::expect_error([&] { load_dataset("images:" + folder + "/nothing"); },
                     {"cannot find '" + folder + "/nothing'", "image file or a folder"});
  write(dir / "a.png", numbered(8, 8, 1));
  test::write_file(dir / "b.png", "\x89PNG but then nothing");
  test::expect_error([&] { load_dataset("images:" + folder); }, {(dir / "b.png").string()});
  test::expect_error([&] { load_dataset("patches:" + folder + ":4"); },
                     {(dir / "b.png").string()});
}

}  // namespace
}  // namespace aekit::data
