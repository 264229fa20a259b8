// The popcount scan (retrieval/hamming_scan.hpp) returns exactly a brute-force sort of every row
// by (distance, row), for several code lengths and k below, at and above the row count, on codes
// with many ties; alone or in a group of queries (more than one group's worth, and a database
// longer than a scan block, and k large enough for the counting selection); and the rows within
// a radius as a brute-force filter finds them.
#include "aekit/retrieval/hamming_scan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "support/binary_codes.hpp"

namespace aekit::retrieval {
namespace {

class ScanOfLength : public ::testing::TestWithParam<int> {};

TEST_P(ScanOfLength, EqualsTheBruteForceOrderAndFilter) {
  const int bits = GetParam();
  const BinaryCodes database = test::random_binary_codes(300, bits, 0.15, 11);
  const BinaryCodes queries = test::random_binary_codes(5, bits, 0.15, 12);
  for (Index q = 0; q < queries.rows(); ++q) {
    const std::vector<Neighbour> all = test::brute_force_neighbours(database, queries.row(q));
    for (Index k : {Index(0), Index(1), Index(10), Index(299), Index(300), Index(400)}) {
      const std::vector<Neighbour> expected(all.begin(), all.begin() + std::min<Index>(k, 300));
      ASSERT_EQ(nearest_by_scan(database, queries.row(q), k), expected) << bits << " bits, k " << k;
    }
    for (int radius : {0, 3, 10, 1000}) {
      std::vector<Neighbour> expected;
      for (const Neighbour& n : all)
        if (n.distance <= radius) expected.push_back(n);
      ASSERT_EQ(within_by_scan(database, queries.row(q), radius), expected) << bits << " bits, radius " << radius;
    }
  }
}

TEST_P(ScanOfLength, AGroupOfQueriesGetsEachQuerysList) {
  const int bits = GetParam();
  // 9 000 rows: more than one block of the scan for every word count.
  const BinaryCodes database = test::random_binary_codes(9000, bits, 0.2, 13);
  const BinaryCodes queries = test::random_binary_codes(37, bits, 0.2, 14);
  for (Index k : {Index(1), Index(25), Index(1000)}) {  // 1 000: the counting selection
    std::vector<Neighbour> out(std::size_t(queries.rows() * k));
    std::vector<ScanQuery> group;
    for (Index q = 0; q < queries.rows(); ++q)
      group.push_back({queries.row(q), std::span(out).subspan(std::size_t(q * k), std::size_t(k))});
    nearest_by_scan(database, group, k);
    for (Index q = 0; q < queries.rows(); ++q) {
      const std::vector<Neighbour> all = test::brute_force_neighbours(database, queries.row(q));
      ASSERT_EQ(std::vector<Neighbour>(out.begin() + q * k, out.begin() + (q + 1) * k),
                std::vector<Neighbour>(all.begin(), all.begin() + k))
          << bits << " bits, k " << k << ", query " << q;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Lengths, ScanOfLength, ::testing::Values(8, 64, 100));

}  // namespace
}  // namespace aekit::retrieval
