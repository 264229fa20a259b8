// Random patches (data/random_patches.hpp): every patch is a whole window of one image in
// channel-major order, every origin can be drawn, flat windows are drawn again, the same seed
// gives the same patches, bad arguments are refused; standardize_rows gives mean 0, std 1.
#include "aekit/data/random_patches.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <tuple>

#include "support/expect_error.hpp"

namespace aekit::data {
namespace {

constexpr Shape kShape{2, 5, 6};  // C, H, W
constexpr Index kSize = 3;

// Value of image i, channel k, pixel (y, x): every value tells where it came from.
float numbered_value(Index i, Index k, Index y, Index x) {
  return float(1000 * i + 100 * k + 10 * y + x);
}

FloatMatrix numbered_images(Index count) {
  FloatMatrix images(count, kShape.size());
  for (Index i = 0; i < count; ++i)
    for (Index k = 0; k < kShape.c; ++k)
      for (Index y = 0; y < kShape.h; ++y)
        for (Index x = 0; x < kShape.w; ++x)
          images(i, k * kShape.h * kShape.w + y * kShape.w + x) = numbered_value(i, k, y, x);
  return images;
}

TEST(RandomPatches, EachPatchIsAWindowAndEveryOriginIsDrawn) {
  const FloatMatrix images = numbered_images(2);
  Rng rng(5);
  const FloatMatrix patches = random_patches(images, kShape, kSize, 600, 0, rng);
  ASSERT_EQ(patches.rows(), 600);
  ASSERT_EQ(patches.cols(), kShape.c * kSize * kSize);
  std::set<std::tuple<int, int, int>> origins;
  for (Index r = 0; r < patches.rows(); ++r) {
    const int first = int(patches(r, 0));  // image i, channel 0, pixel (top, left)
    const int image = first / 1000, top = first % 1000 / 10, left = first % 10;
    ASSERT_LE(top, kShape.h - kSize);
    ASSERT_LE(left, kShape.w - kSize);
    for (Index k = 0; k < kShape.c; ++k)
      for (Index y = 0; y < kSize; ++y)
        for (Index x = 0; x < kSize; ++x)
          ASSERT_EQ(patches(r, k * kSize * kSize + y * kSize + x),
                    numbered_value(image, k, top + y, left + x));
    origins.insert({image, top, left});
  }
  EXPECT_EQ(origins.size(), std::size_t(2 * (kShape.h - kSize + 1) * (kShape.w - kSize + 1)));
}

TEST(RandomPatches, FlatWindowsAreDrawnAgain) {
  FloatMatrix images = numbered_images(2);
  images.row(0).setConstant(7);  // image 0 is flat everywhere
  Rng rng(1);
  const FloatMatrix patches = random_patches(images, kShape, kSize, 100, 1, rng);
  for (Index r = 0; r < patches.rows(); ++r) EXPECT_GE(patches(r, 0), 1000) << "row " << r;
  images.row(1).setConstant(9);
  Rng again(1);
  test::expect_error([&] { random_patches(images, kShape, kSize, 2, 1, again); },
                     {"only 0 of 2000 draws", "lower min_std"});
}

TEST(RandomPatches, TheSameSeedGivesTheSamePatches) {
  const FloatMatrix images = numbered_images(3);
  Rng a(9), b(9), c(10);
  const FloatMatrix first = random_patches(images, kShape, kSize, 50, 0, a);
  EXPECT_EQ(first, random_patches(images, kShape, kSize, 50, 0, b));
  EXPECT_NE(first, random_patches(images, kShape, kSize, 50, 0, c));
}

TEST(RandomPatches, RefusesBadArguments) {
  const FloatMatrix images = numbered_images(1);
  Rng rng(0);
  const auto refused = [&](Shape shape, Index size, Index count, float min_std,
                           std::initializer_list<std::string_view> phrases) {
    test::expect_error<UsageError>(
        [&] { random_patches(images, shape, size, count, min_std, rng); }, phrases);
  };
  refused(Shape{1, 5, 6}, kSize, 1, 0, {"rows of 60 values do not hold 1x5x6 images"});
  refused(kShape, 0, 1, 0, {"size must be in [1, 5]", "found 0"});
  refused(kShape, 6, 1, 0, {"size must be in [1, 5]", "found 6"});
  refused(kShape, kSize, 0, 0, {"count >= 1 (found 0)"});
  refused(kShape, kSize, 1, -1, {"min_std >= 0 (found -1)"});
}

TEST(StandardizeRows, GivesMeanZeroAndStdOnePerRowAndZerosForConstantRows) {
  FloatMatrix rows(2, 4);
  rows << 1, 2, 3, 6,  //
      5, 5, 5, 5;
  standardize_rows(rows);
  EXPECT_NEAR(rows.row(0).mean(), 0, 1e-6);
  EXPECT_NEAR(std::sqrt(rows.row(0).array().square().mean()), 1, 1e-6);
  // (1 - 3) / sqrt(3.5): mean 3, population variance (4 + 1 + 0 + 9) / 4
  EXPECT_NEAR(rows(0, 0), -2 / std::sqrt(3.5), 1e-6);
  EXPECT_EQ(rows.row(1), FloatMatrix::Zero(1, 4));
}

}  // namespace
}  // namespace aekit::data
