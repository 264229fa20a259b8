// MaxPool2d: values and routing of the gradient on a hand-worked image, and its config.
#include "aekit/nn/max_pool2d.hpp"

#include <gtest/gtest.h>

namespace aekit::nn {
namespace {

TEST(MaxPool2d, TakesWindowMaximaAndRoutesGradientsToThem) {
  MaxPool2d layer({1, 4, 4}, 2, 2);
  Matrix x(1, 16);
  x << 1, 5, 2, 0,
       3, 4, 8, 1,
       0, 2, 7, 6,
       9, 1, 3, 2;
  Matrix expected(1, 4);
  expected << 5, 8, 9, 7;
  EXPECT_EQ(Matrix(layer.forward(x)), expected);
  Matrix dy(1, 4);
  dy << 10, 20, 30, 40;
  Matrix dx = Matrix::Zero(1, 16);
  dx(0, 1) = 10, dx(0, 6) = 20, dx(0, 12) = 30, dx(0, 10) = 40;
  EXPECT_EQ(Matrix(layer.backward(dy)), dx);
}

TEST(MaxPool2d, ConfigDescribesTheLayer) {
  const MaxPool2d layer({3, 9, 8}, 3, 2);
  EXPECT_EQ(layer.output_shape(), (Shape{3, 4, 3}));
  EXPECT_EQ(layer.config(), (nlohmann::json{{"kind", "max_pool2d"}, {"input", {3, 9, 8}},
                                            {"kernel", 3}, {"stride", 2}, {"padding", 0},
                                            {"dilation", 1}}));
}

}  // namespace
}  // namespace aekit::nn
