#include "aekit/eval/median_filter.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit::eval {
namespace {

TEST(MedianFilter, RemovesSaltAndPepperImpulses) {
  const Shape shape{1, 7, 7};
  Matrix image = Matrix::Constant(1, shape.size(), 0.5f);
  Matrix noisy = image;
  noisy(0, 2 * 7 + 3) = 1.0f;  // salt
  noisy(0, 5 * 7 + 1) = 0.0f;  // pepper
  noisy(0, 0) = 1.0f;          // salt in the corner (replicated edges)
  for (const int size : {3, 5}) EXPECT_EQ(median_filter(noisy, shape, size), image) << size;
}

TEST(MedianFilter, ConstantImageIsUnchangedPerChannel) {
  const Shape shape{3, 4, 5};
  Matrix images(2, shape.size());
  for (Index c = 0; c < 3; ++c) images.middleCols(c * 20, 20).setConstant(0.1f * (c + 1));
  EXPECT_EQ(median_filter(images, shape, 3), images);
  EXPECT_EQ(median_filter(images, shape, 5), images);
}

TEST(MedianFilter, PreservesAStepEdge) {
  // Left half 0, right half 1: every 3x3 or 5x5 window is mostly on the pixel's own side.
  const Shape shape{1, 6, 8};
  Matrix image(1, shape.size());
  for (Index y = 0; y < 6; ++y)
    for (Index x = 0; x < 8; ++x) image(0, y * 8 + x) = x < 4 ? 0.0f : 1.0f;
  EXPECT_EQ(median_filter(image, shape, 3), image);
  EXPECT_EQ(median_filter(image, shape, 5), image);
}

TEST(MedianFilter, MedianOfAWindow) {
  // A 1x3 image with a 3x3 window: replicated rows, so each window holds its column values
  // three times; the middle pixel sees {1, 9, 5} -> 5, the left {1, 1, 9} -> 1.
  Matrix row(1, 3);
  row << 1, 9, 5;
  Matrix expected(1, 3);
  expected << 1, 5, 5;
  EXPECT_EQ(median_filter(row, {1, 1, 3}, 3), expected);
  EXPECT_EQ(median_filter(row, {1, 1, 3}, 1), row);
}

TEST(MedianFilter, RejectsEvenSizesAndWrongRows) {
  const Matrix image = Matrix::Zero(1, 16);
  for (const int size : {0, 2, 4, -3})
    test::expect_error<UsageError>([&] { median_filter(image, {1, 4, 4}, size); },
                                   {"odd", std::to_string(size)});
  test::expect_error([&] { median_filter(image, {1, 3, 3}, 3); }, {"16 values", "expected 9"});
}

}  // namespace
}  // namespace aekit::eval
