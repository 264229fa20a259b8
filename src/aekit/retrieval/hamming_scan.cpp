#include "aekit/retrieval/hamming_scan.hpp"

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit::retrieval {

std::vector<Neighbour> nearest_by_scan(const BinaryCodes& database, std::span<const std::uint64_t> query, Index k) {
  AEKIT_ASSERT(Index(query.size()) == database.words_per_row() && k >= 0);
  const Index n = database.rows();
  std::vector<int> distance(std::size_t(n), 0);
  std::vector<Index> count(std::size_t(database.bits()) + 1, 0);
  for (Index i = 0; i < n; ++i) {
    distance[std::size_t(i)] = hamming_distance(database.row(i), query);
    ++count[std::size_t(distance[std::size_t(i)])];
  }
  // cutoff: the distance of the k-th nearest; at_cutoff: how many rows at that distance to keep.
  const Index wanted = std::min(k, n);
  Index taken = 0;
  int cutoff = 0;
  while (cutoff < database.bits() && taken + count[std::size_t(cutoff)] < wanted) taken += count[std::size_t(cutoff++)];
  Index at_cutoff = wanted - taken;
  // Rows in index order into per-distance buckets: each bucket is then sorted by row already.
  std::vector<std::vector<Index>> bucket(std::size_t(cutoff) + 1);
  for (Index i = 0; i < n; ++i) {
    const int d = distance[std::size_t(i)];
    if (d < cutoff || (d == cutoff && at_cutoff-- > 0)) bucket[std::size_t(d)].push_back(i);
  }
  std::vector<Neighbour> result;
  result.reserve(std::size_t(wanted));
  for (int d = 0; d <= cutoff; ++d)
    for (Index row : bucket[std::size_t(d)]) result.push_back({d, row});
  return result;
}

}  // namespace aekit::retrieval
