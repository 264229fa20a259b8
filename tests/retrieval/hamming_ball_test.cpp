// Ball search by bit flipping (retrieval/hamming_ball.hpp) returns exactly the rows a brute-force
// filter finds within each radius, duplicates of a code included; the count of lookups; codes of
// more than 64 bits refused.
#include "aekit/retrieval/hamming_ball.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "aekit/error.hpp"
#include "support/binary_codes.hpp"
#include "support/expect_error.hpp"

namespace aekit::retrieval {
namespace {

std::vector<Neighbour> within_by_filter(const BinaryCodes& database, std::span<const std::uint64_t> query, int radius) {
  std::vector<Neighbour> all = test::brute_force_neighbours(database, query);
  all.erase(std::remove_if(all.begin(), all.end(), [&](const Neighbour& n) { return n.distance > radius; }), all.end());
  return all;
}

TEST(HammingBall, FindsExactlyTheRowsWithinEachRadius) {
  for (int bits : {12, 64}) {
    // Sparse codes (15% ones) repeat often: many rows share a code, many distances tie.
    const BinaryCodes database = test::random_binary_codes(500, bits, 0.15, 21);
    const BinaryCodes queries = test::random_binary_codes(6, bits, 0.15, 22);
    const HammingBall ball(database);
    for (Index q = 0; q < queries.rows(); ++q) {
      for (int radius = 0; radius <= 3; ++radius)
        ASSERT_EQ(ball.within(queries.row(q)[0], radius), within_by_filter(database, queries.row(q), radius))
            << bits << " bits, radius " << radius;
    }
  }
}

TEST(HammingBall, CountsItsLookupsAndRefusesLongCodes) {
  EXPECT_DOUBLE_EQ(HammingBall::lookups(64, 0), 1);
  EXPECT_DOUBLE_EQ(HammingBall::lookups(64, 2), 1 + 64 + 2016);
  EXPECT_DOUBLE_EQ(HammingBall::lookups(4, 9), 16) << "a radius beyond the length covers every code once";
  test::expect_error<UsageError>([] { HammingBall ball(BinaryCodes(3, 65)); }, {"at most 64 bits", "found 65 bits"});
}

}  // namespace
}  // namespace aekit::retrieval
