// The chosen search (retrieval/hamming_search.hpp) returns the scan's list whether it uses the
// Hamming ball or falls back to the scan, for codes the ball takes and codes of more than 64 bits;
// the rows within a radius likewise, by the ball or by a scan.
#include "aekit/retrieval/hamming_search.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "aekit/retrieval/hamming_scan.hpp"
#include "support/binary_codes.hpp"

namespace aekit::retrieval {
namespace {

TEST(HammingSearch, ReturnsTheScansListWhicheverMethodItUses) {
  // 16 bits over 20 000 rows: the ball answers small k; 100 bits: the scan answers everything.
  for (int bits : {16, 100}) {
    const BinaryCodes database = test::random_binary_codes(20000, bits, 0.3, 31);
    const BinaryCodes queries = test::random_binary_codes(8, bits, 0.3, 32);
    const HammingSearch search(database);
    for (Index q = 0; q < queries.rows(); ++q)
      for (Index k : {Index(1), Index(5), Index(100), Index(25000)})
        ASSERT_EQ(search.nearest(queries.row(q), k), nearest_by_scan(database, queries.row(q), k))
            << bits << " bits, k " << k;
  }
}

TEST(HammingSearch, FindsTheRowsWithinARadiusByTheBallOrAScan) {
  const BinaryCodes database = test::random_binary_codes(5000, 16, 0.3, 33);
  const BinaryCodes queries = test::random_binary_codes(8, 16, 0.3, 34);
  const HammingSearch search(database);
  EXPECT_TRUE(search.ball_within(1));
  EXPECT_FALSE(search.ball_within(6));
  for (Index q = 0; q < queries.rows(); ++q)
    for (int radius : {0, 1, 6})
      ASSERT_EQ(search.within(queries.row(q), radius), within_by_scan(database, queries.row(q), radius)) << radius;
}

}  // namespace
}  // namespace aekit::retrieval
