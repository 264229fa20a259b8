// Principal angles against a closed case: span(e1, e2) against span(cos a e1 + sin a e3,
// cos b e2 + sin b e4) has the angles a and b; bases need not be orthonormal; bad input.
#include "aekit/eval/principal_angles.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "support/expect_error.hpp"
#include "support/known_spectrum.hpp"

namespace aekit::eval {
namespace {

TEST(PrincipalAngles, ClosedCaseOfTwoRotatedPlanes) {
  const double a = 0.3, b = 1.1;
  Matrix first = Matrix::Zero(2, 5), second = Matrix::Zero(2, 5);
  first(0, 0) = first(1, 1) = 1;
  second(0, 0) = Scalar(std::cos(a));
  second(0, 2) = Scalar(std::sin(a));
  second(1, 1) = Scalar(std::cos(b));
  second(1, 3) = Scalar(std::sin(b));
  const std::vector<double> angles = principal_angles(first, second);
  ASSERT_EQ(angles.size(), 2u);
  EXPECT_NEAR(angles[0], a, 1e-6);  // ascending
  EXPECT_NEAR(angles[1], b, 1e-6);
  EXPECT_NEAR(largest_principal_angle(second, first), b, 1e-6);  // symmetric
}

TEST(PrincipalAngles, AnyBasisOfTheSameSubspaceGivesZero) {
  Rng rng(1);
  const Matrix q = test::random_orthonormal_rows(3, 20, rng);
  Matrix mix(3, 3);  // an invertible, far from orthogonal change of basis
  mix << 1, 2, 0, 0, 1, 3, 1, 0, 1;
  EXPECT_LT(largest_principal_angle(q, mix * q), 1e-3);
  // A subspace against a line inside it: one angle, 0. Against an orthogonal line: pi/2.
  EXPECT_LT(largest_principal_angle(q, q.row(1) + q.row(2)), 1e-3);
  Matrix outside = Matrix::Zero(1, 20);
  outside(0, 0) = 1;
  const Matrix other = test::random_orthonormal_rows(1, 20, rng);
  outside -= (q.transpose() * (q * outside.transpose())).transpose();  // remove q's part
  EXPECT_NEAR(largest_principal_angle(q, outside), std::numbers::pi / 2, 1e-3);
  EXPECT_GT(largest_principal_angle(q, other), 0.1);  // a random line is not in it
}

TEST(PrincipalAngles, RefusesBadInput) {
  const Matrix a = Matrix::Identity(2, 4);
  test::expect_error([&] { principal_angles(a, Matrix::Identity(2, 5)); },
                     {"different dimension (4 and 5 columns)"});
  test::expect_error([&] { principal_angles(a, Matrix(0, 4)); },
                     {"at least one direction on each side, found 2 and 0"});
  Matrix dependent(2, 4);
  dependent << 1, 2, 3, 4, 2, 4, 6, 8;
  test::expect_error([&] { principal_angles(dependent, a); },
                     {"first matrix's 2 rows are linearly dependent (rank 1)"});
}

}  // namespace
}  // namespace aekit::eval
