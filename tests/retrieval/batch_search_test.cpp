// Batch search (retrieval/batch_search.hpp) gives every query the list HammingSearch gives it
// alone, with 1 and 2 threads, whether the ball or the grouped scan answers it, for the k
// nearest and for the rows within a radius.
#include "aekit/retrieval/batch_search.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "aekit/tensor/threads.hpp"
#include "support/binary_codes.hpp"

namespace aekit::retrieval {
namespace {

TEST(BatchSearch, EqualsSearchingEachQueryAloneWithOneAndTwoThreads) {
  const int before = threads();
  // 16 bits over 20 000 rows: the ball answers some queries, the scan the others; 64 bits: the
  // scan of one word; 100 bits: the scan of two words.
  for (int bits : {16, 64, 100}) {
    const BinaryCodes database = test::random_binary_codes(20000, bits, 0.3, 41);
    const BinaryCodes queries = test::random_binary_codes(50, bits, 0.3, 42);
    const HammingSearch search(database);
    for (int t : {1, 2}) {
      set_threads(t);
      for (Index k : {Index(0), Index(1), Index(10), Index(25000)}) {
        const std::vector<Neighbour> all = nearest_batch(search, queries, k);
        const Index wanted = std::min<Index>(k, 20000);
        ASSERT_EQ(Index(all.size()), queries.rows() * wanted);
        for (Index q = 0; q < queries.rows(); ++q) {
          const std::vector<Neighbour> one(all.begin() + q * wanted, all.begin() + (q + 1) * wanted);
          ASSERT_EQ(one, search.nearest(queries.row(q), k)) << bits << " bits, k " << k << ", " << t << " threads";
        }
      }
      for (int radius : {0, 2, 5}) {
        const std::vector<std::vector<Neighbour>> within = within_batch(search, queries, radius);
        for (Index q = 0; q < queries.rows(); ++q)
          ASSERT_EQ(within[std::size_t(q)], search.within(queries.row(q), radius))
              << bits << " bits, radius " << radius << ", " << t << " threads";
      }
    }
  }
  set_threads(before);
}

}  // namespace
}  // namespace aekit::retrieval
