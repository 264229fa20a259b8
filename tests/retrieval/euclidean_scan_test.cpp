// The exact Euclidean scan (retrieval/euclidean_scan.hpp) against a double-precision sort of
// every row by squared distance, then row: the k nearest of one query and the whole ranking of
// each query of a block; duplicate rows tie by row; queries of the wrong width are refused.
#include "aekit/retrieval/euclidean_scan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"

namespace aekit::retrieval {
namespace {

// Small integers: every squared distance and score is exact in float, so ties are real ties.
FloatMatrix integer_rows(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  FloatMatrix x(rows, cols);
  for (Index i = 0; i < rows; ++i)
    for (Index j = 0; j < cols; ++j) x(i, j) = float(int(rng.uniform() * 5.0));
  return x;
}

std::vector<Index> brute_force_ranking(const FloatMatrix& database, const FloatMatrix& queries, Index q) {
  std::vector<double> distance(std::size_t(database.rows()));
  for (Index i = 0; i < database.rows(); ++i)
    distance[std::size_t(i)] = (database.row(i) - queries.row(q)).cast<double>().squaredNorm();
  std::vector<Index> rows(std::size_t(database.rows()));
  std::iota(rows.begin(), rows.end(), Index{0});
  std::stable_sort(rows.begin(), rows.end(), [&](Index a, Index b) { return distance[std::size_t(a)] < distance[std::size_t(b)]; });
  return rows;
}

TEST(EuclideanScan, RanksLikeABruteForceSortWithTiesByRow) {
  FloatMatrix database = integer_rows(300, 6, 1);
  database.row(17) = database.row(250);  // a duplicate pair: the lower row first
  const FloatMatrix queries = integer_rows(300, 6, 2).topRows(270);  // more than one block of 256
  const EuclideanScan scan(database);
  Index visited = 0;
  scan.rank_all(queries, [&](Index q, std::span<const Index> ranking) {
    const auto expected = brute_force_ranking(database, queries, q);
    ASSERT_TRUE(std::equal(ranking.begin(), ranking.end(), expected.begin(), expected.end())) << "query " << q;
    ++visited;
  });
  EXPECT_EQ(visited, 270);
  for (const Index k : {Index{1}, Index{10}, Index{300}, Index{1000}}) {
    const auto row = queries.row(5);
    const auto nearest = scan.nearest({row.data(), std::size_t(row.size())}, k);
    const auto expected = brute_force_ranking(database, queries, 5);
    ASSERT_EQ(Index(nearest.size()), std::min<Index>(k, 300));
    EXPECT_TRUE(std::equal(nearest.begin(), nearest.end(), expected.begin())) << "k " << k;
  }
}

TEST(EuclideanScan, RefusesQueriesOfAnotherWidth) {
  const EuclideanScan scan(integer_rows(10, 4, 3));
  test::expect_error<UsageError>([&] { scan.rank_all(integer_rows(2, 5, 4), [](Index, std::span<const Index>) {}); },
                                 {"expected queries of 4 columns, found 5"});
}

}  // namespace
}  // namespace aekit::retrieval
