#pragma once
// Exact k nearest rows by a popcount scan: d(q, x_i) for every row (O(N W) word operations).
// The rows are visited in index order and the k best so far kept in a max-heap of
// (distance, row); a row enters only if its distance is below the worst kept one (at a tie it
// has the larger index, so it loses), which keeps exactly the k first rows by (distance, row).
// The heap is sorted at the end: nearest first, ties by row. After the first rows the heap
// rarely changes, so the scan is a popcount and a comparison per row; codes of one word are
// compared 8 rows per instruction where the CPU counts bits in vectors (AVX-512 VPOPCNTDQ).
// For k of a sixteenth of N or more (a whole ranking), a counting selection instead: every
// distance, their histogram (distances are integers in 0..B), each row's place by counting, O(N + B).
// A group of queries scans the database block by block, each block once per query of the
// group while it is in cache (a database larger than the caches is read once per group).
#include <cstdint>
#include <span>
#include <vector>

#include "aekit/retrieval/binary_codes.hpp"
#include "aekit/retrieval/neighbour.hpp"

namespace aekit::retrieval {

// min(k, N) rows, nearest first, ties by row; query: words_per_row words.
std::vector<Neighbour> nearest_by_scan(const BinaryCodes& database, std::span<const std::uint64_t> query, Index k);

// One query of a group: its words and where its min(k, N) neighbours go.
struct ScanQuery {
  std::span<const std::uint64_t> words;
  std::span<Neighbour> out;
};
// Each query's min(k, N) nearest into its `out`, as nearest_by_scan lists them; allocates nothing.
void nearest_by_scan(const BinaryCodes& database, std::span<const ScanQuery> queries, Index k);

// Every row within distance <= radius of query, nearest first, ties by row (the ball's list).
std::vector<Neighbour> within_by_scan(const BinaryCodes& database, std::span<const std::uint64_t> query, int radius);

}  // namespace aekit::retrieval
