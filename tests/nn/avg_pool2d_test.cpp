// AvgPool2d on a hand-worked 4x4 image, its output shape and its config.
#include "aekit/nn/avg_pool2d.hpp"

#include <gtest/gtest.h>

namespace aekit::nn {
namespace {

TEST(AvgPool2d, AveragesEachWindowAndSpreadsTheGradientEvenly) {
  AvgPool2d pool({1, 4, 4}, 2, 2);
  EXPECT_EQ(pool.output_shape(), (Shape{1, 2, 2}));
  Matrix x(1, 16);
  x << 1, 2, 3, 4,  //
      5, 6, 7, 8,   //
      9, 10, 11, 12,  //
      13, 14, 15, 16;
  Matrix expected(1, 4);
  expected << 3.5, 5.5, 11.5, 13.5;
  EXPECT_EQ(Matrix(pool.forward(x)), expected);
  Matrix dy(1, 4);
  dy << 4, 8, 12, 16;
  const Matrix dx = pool.backward(dy);
  EXPECT_EQ(dx(0, 0), 1);   // 4 / 4, top-left window
  EXPECT_EQ(dx(0, 3), 2);   // 8 / 4, top-right window
  EXPECT_EQ(dx(0, 15), 4);  // 16 / 4, bottom-right window
  EXPECT_EQ(dx.sum(), dy.sum());
  EXPECT_EQ(pool.config().at("kind"), "avg_pool2d");
  EXPECT_EQ(pool.config().at("stride"), 2);
}

}  // namespace
}  // namespace aekit::nn
