// The popcount scan (retrieval/hamming_scan.hpp) returns exactly a brute-force sort of every row
// by (distance, row), for several code lengths and k below, at and above the row count, on codes
// with many ties.
#include "aekit/retrieval/hamming_scan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "support/binary_codes.hpp"

namespace aekit::retrieval {
namespace {

class ScanOfLength : public ::testing::TestWithParam<int> {};

TEST_P(ScanOfLength, EqualsTheBruteForceOrder) {
  const int bits = GetParam();
  const BinaryCodes database = test::random_binary_codes(300, bits, 0.15, 11);
  const BinaryCodes queries = test::random_binary_codes(5, bits, 0.15, 12);
  for (Index q = 0; q < queries.rows(); ++q) {
    const std::vector<Neighbour> all = test::brute_force_neighbours(database, queries.row(q));
    for (Index k : {Index(0), Index(1), Index(10), Index(299), Index(300), Index(400)}) {
      const std::vector<Neighbour> expected(all.begin(), all.begin() + std::min<Index>(k, 300));
      ASSERT_EQ(nearest_by_scan(database, queries.row(q), k), expected) << bits << " bits, k " << k;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Lengths, ScanOfLength, ::testing::Values(8, 64, 100));

}  // namespace
}  // namespace aekit::retrieval
