#pragma once
// Exact k nearest rows by a popcount scan: d(q, x_i) for every row (O(N W) word operations),
// then a counting selection, since distances are integers in 0..B: a histogram gives the
// distance D of the k-th nearest, and one more pass keeps every row nearer than D and the
// first rows (by index) at D. O(N + B), no sort of N.
#include <cstdint>
#include <span>
#include <vector>

#include "aekit/retrieval/binary_codes.hpp"
#include "aekit/retrieval/neighbour.hpp"

namespace aekit::retrieval {

// min(k, N) rows, nearest first, ties by row; query: words_per_row words.
std::vector<Neighbour> nearest_by_scan(const BinaryCodes& database, std::span<const std::uint64_t> query, Index k);

}  // namespace aekit::retrieval
