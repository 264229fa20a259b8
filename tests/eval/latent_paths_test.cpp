// Paths through code space (eval/latent_paths.hpp): ends and midpoints of linear and spherical
// interpolation, single-unit and principal traversals, the 2-D grid, and bad arguments.
#include "aekit/eval/latent_paths.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::eval {
namespace {

TEST(LatentPaths, InterpolationRunsFromOneEndToTheOther) {
  RowVector a(3), b(3);
  a << 1, 0, 0;
  b << 0, 2, 0;
  const Matrix line = interpolate_codes(a, b, 5, false);
  ASSERT_EQ(line.rows(), 5);
  EXPECT_EQ(RowVector(line.row(0)), a);
  EXPECT_EQ(RowVector(line.row(4)), b);
  EXPECT_NEAR(line(2, 0), 0.5, 1e-6);
  EXPECT_NEAR(line(2, 1), 1.0, 1e-6);
  // Spherical: for ends of equal length every step keeps that length (a great circle).
  b << 0, 1, 0;
  const Matrix arc = interpolate_codes(a, b, 7, true);
  for (Index s = 0; s < arc.rows(); ++s) EXPECT_NEAR(arc.row(s).norm(), 1.0, 1e-6) << s;
  EXPECT_NEAR(arc(3, 0), std::sqrt(0.5), 1e-6);
  EXPECT_LT(interpolate_codes(a, b, 7, false).row(3).norm(), 0.75);  // the chord dips inside
  // Parallel ends (angle 0): a straight line.
  EXPECT_EQ(interpolate_codes(a, Scalar(2) * a, 3, true), interpolate_codes(a, Scalar(2) * a, 3, false));
  EXPECT_THROW(interpolate_codes(a, b, 1, false), UsageError);
}

TEST(LatentPaths, UnitTraversalMovesOneUnitAtATime) {
  RowVector center(3), scale(3);
  center << 1, 2, 3;
  scale << 0.5, 1, 2;
  const std::vector<Index> units = {2, 0};
  const Matrix codes = unit_traversal(center, scale, units, 3, 2);
  ASSERT_EQ(codes.rows(), 6);
  EXPECT_FLOAT_EQ(codes(0, 2), 3 - 2 * 2);
  EXPECT_FLOAT_EQ(codes(1, 2), 3);
  EXPECT_FLOAT_EQ(codes(2, 2), 3 + 2 * 2);
  EXPECT_FLOAT_EQ(codes(0, 0), 1);  // the others stay at the centre
  EXPECT_FLOAT_EQ(codes(3, 0), 1 - 2 * 0.5);
  EXPECT_FLOAT_EQ(codes(5, 1), 2);
  const std::vector<Index> bad = {3};
  EXPECT_THROW(unit_traversal(center, scale, bad, 3, 2), UsageError);
}

TEST(LatentPaths, PrincipalTraversalFollowsTheCodesMainDirection) {
  // Codes spread along (1, 1) / sqrt 2 with a little noise across it.
  Matrix codes(200, 2);
  Rng rng(1);
  for (Index i = 0; i < codes.rows(); ++i) {
    const double t = rng.normal() * 3, u = rng.normal() * 0.1;
    codes(i, 0) = Scalar(5 + (t + u) / std::sqrt(2.0));
    codes(i, 1) = Scalar(-1 + (t - u) / std::sqrt(2.0));
  }
  const Matrix path = principal_traversal(codes, 1, 5, 2);
  ASSERT_EQ(path.rows(), 5);
  const RowVector step = path.row(4) - path.row(0);
  EXPECT_NEAR(std::abs(step(0) / step.norm()), std::sqrt(0.5), 0.01);
  EXPECT_NEAR(std::abs(step(1) / step.norm()), std::sqrt(0.5), 0.01);
  EXPECT_NEAR(step.norm(), 4 * 3, 0.6);  // from -2 to +2 standard deviations (3 each)
  EXPECT_NEAR(path(2, 0), 5, 0.3);        // the middle is the mean
  EXPECT_THROW(principal_traversal(codes, 3, 5, 2), UsageError);
}

TEST(LatentPaths, GridCoversTheSquareRowByRowFromTheTop) {
  RowVector center(2), scale(2);
  center << 0, 10;
  scale << 1, 2;
  const Matrix grid = grid_2d(center, scale, 3, 1);
  ASSERT_EQ(grid.rows(), 9);
  EXPECT_FLOAT_EQ(grid(0, 0), -1);  // top left: first unit smallest, second largest
  EXPECT_FLOAT_EQ(grid(0, 1), 12);
  EXPECT_FLOAT_EQ(grid(8, 0), 1);   // bottom right
  EXPECT_FLOAT_EQ(grid(8, 1), 8);
  EXPECT_THROW(grid_2d(RowVector::Zero(3), RowVector::Ones(3), 3, 1), UsageError);
}

TEST(LatentPaths, CenterAndScaleAreTheColumnsMeanAndStd) {
  const Matrix codes = (Matrix(4, 2) << 0, 1, 2, 1, 4, 1, 6, 1).finished();
  RowVector center, scale;
  code_center_and_scale(codes, center, scale);
  EXPECT_FLOAT_EQ(center(0), 3);
  EXPECT_FLOAT_EQ(scale(0), std::sqrt(5.0f));
  EXPECT_FLOAT_EQ(scale(1), 0);
}

}  // namespace
}  // namespace aekit::eval
