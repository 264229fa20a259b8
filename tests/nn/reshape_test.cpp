// Reshape and Flatten: the values pass through unchanged both ways; only the shape changes.
#include "aekit/nn/reshape.hpp"

#include <gtest/gtest.h>

#include "support/random_data.hpp"

namespace aekit::nn {
namespace {

TEST(Reshape, PassesValuesThroughAndRecordsTheShape) {
  Reshape flatten = Reshape::flatten({2, 3, 4});
  EXPECT_EQ(flatten.output_shape(), (Shape{1, 1, 24}));
  EXPECT_EQ(flatten.in_features(), 24);
  const Matrix x = test::uniform_data(3, 24, 1);
  EXPECT_EQ(Matrix(flatten.forward(x)), x);
  EXPECT_EQ(Matrix(flatten.backward(x)), x);
  Reshape back({1, 1, 24}, {2, 3, 4});
  EXPECT_EQ(back.config().at("to"), nlohmann::json({2, 3, 4}));
  EXPECT_EQ(back.config().at("kind"), "reshape");
}

}  // namespace
}  // namespace aekit::nn
