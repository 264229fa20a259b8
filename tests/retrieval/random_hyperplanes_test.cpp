// Random-projection LSH (retrieval/random_hyperplanes.hpp): the share of differing bits of two
// rows estimates their angle over pi (Charikar 2002), at several angles with 4 096 bits; the same
// seed gives the same codes; wrong widths and no bits refused.
#include "aekit/retrieval/random_hyperplanes.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::retrieval {
namespace {

TEST(RandomHyperplanes, DifferingBitsEstimateTheAngle) {
  constexpr int kBits = 4096;  // the share's standard deviation is at most 0.5 / 64 = 0.008
  const RandomHyperplanes lsh(3, kBits, 5);
  for (double angle : {0.2, 1.0, 2.0, 3.0}) {
    FloatMatrix rows(2, 3);
    rows << 1, 0, 0.5f, float(std::cos(angle)), float(std::sin(angle)), 0.5f;  // apart by `angle` in the first two axes
    const double cosine = double(rows.row(0).dot(rows.row(1))) / (rows.row(0).norm() * rows.row(1).norm());
    const double expected = std::acos(cosine) / std::numbers::pi;
    const BinaryCodes codes = lsh.codes(rows);
    EXPECT_NEAR(hamming_distance(codes.row(0), codes.row(1)) / double(kBits), expected, 0.04) << "angle " << angle;
  }
}

TEST(RandomHyperplanes, SameSeedSameCodesAndErrors) {
  const FloatMatrix rows = FloatMatrix::Random(4, 6);
  const BinaryCodes a = RandomHyperplanes(6, 70, 9).codes(rows), b = RandomHyperplanes(6, 70, 9).codes(rows);
  for (Index i = 0; i < rows.rows(); ++i) EXPECT_EQ(hamming_distance(a.row(i), b.row(i)), 0);
  test::expect_error<UsageError>([&] { RandomHyperplanes(5, 8, 1).codes(rows); }, {"rows of 5 features", "found 6"});
  test::expect_error<UsageError>([] { RandomHyperplanes(5, 0, 1); }, {"bits >= 1", "found 5 and 0"});
}

}  // namespace
}  // namespace aekit::retrieval
