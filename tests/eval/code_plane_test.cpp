#include "aekit/eval/code_plane.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/random_data.hpp"

namespace aekit::eval {
namespace {

TEST(CodePlane, TwoValuedCodesAreDrawnAsTheyAre) {
  const FloatMatrix codes = test::uniform_data(20, 2, 1);
  const auto plane = code_plane(codes);
  ASSERT_TRUE(plane);
  EXPECT_FALSE(plane->projected);
  EXPECT_EQ(plane->x_label, "code 0");
  for (Index n = 0; n < codes.rows(); ++n) {
    EXPECT_EQ(plane->x[std::size_t(n)], codes(n, 0));
    EXPECT_EQ(plane->y[std::size_t(n)], codes(n, 1));
  }
}

// Codes of 5 values that lie in a plane: its first two principal components keep every
// distance between points.
TEST(CodePlane, WiderCodesAreProjectedOnTheirPrincipalPlane) {
  const FloatMatrix z = test::uniform_data(40, 2, 2);
  FloatMatrix basis(2, 5);
  basis << 0.6f, 0.8f, 0, 0, 0,  //
      0, 0, 0.28f, 0.96f, 0;     // orthonormal rows
  const FloatMatrix codes = (z * basis).rowwise() + Eigen::RowVectorXf::Constant(5, 3).eval();
  const auto plane = code_plane(codes);
  ASSERT_TRUE(plane);
  EXPECT_TRUE(plane->projected);
  EXPECT_EQ(plane->x_label, "PC 1 of the codes");
  for (Index a = 0; a < 40; a += 7)
    for (Index b = a + 1; b < 40; b += 5) {
      const double dx = plane->x[std::size_t(a)] - plane->x[std::size_t(b)];
      const double dy = plane->y[std::size_t(a)] - plane->y[std::size_t(b)];
      EXPECT_NEAR(std::hypot(dx, dy), double((codes.row(a) - codes.row(b)).norm()), 1e-4);
    }
}

TEST(CodePlane, NoPlaneForOneValuedCodes) {
  EXPECT_FALSE(code_plane(test::uniform_data(20, 1, 1)));
}

}  // namespace
}  // namespace aekit::eval
