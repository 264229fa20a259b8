// The chosen search (retrieval/hamming_search.hpp) returns the scan's list whether it uses the
// Hamming ball or falls back to the scan, for codes the ball takes and codes of more than 64 bits.
#include "aekit/retrieval/hamming_search.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "aekit/retrieval/hamming_scan.hpp"
#include "support/binary_codes.hpp"

namespace aekit::retrieval {
namespace {

TEST(HammingSearch, ReturnsTheScansListWhicheverMethodItUses) {
  // 16 bits over 2 000 rows: the ball answers small k; 100 bits: the scan answers everything.
  for (int bits : {16, 100}) {
    const BinaryCodes database = test::random_binary_codes(2000, bits, 0.3, 31);
    const BinaryCodes queries = test::random_binary_codes(8, bits, 0.3, 32);
    const HammingSearch search(database);
    for (Index q = 0; q < queries.rows(); ++q)
      for (Index k : {Index(1), Index(5), Index(100), Index(2500)})
        ASSERT_EQ(search.nearest(queries.row(q), k), nearest_by_scan(database, queries.row(q), k))
            << bits << " bits, k " << k;
  }
}

}  // namespace
}  // namespace aekit::retrieval
