#pragma once
// Test helpers for semantic hashing: random binary codes with a chosen share of ones, and the
// brute-force reference of every search (every row by distance, then row).
#include <algorithm>
#include <span>
#include <vector>

#include "aekit/retrieval/binary_codes.hpp"
#include "aekit/retrieval/neighbour.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::test {

inline retrieval::BinaryCodes random_binary_codes(Index rows, int bits, double ones, std::uint64_t seed) {
  Rng rng(seed);
  retrieval::BinaryCodes codes(rows, bits);
  for (Index i = 0; i < rows; ++i)
    for (int j = 0; j < bits; ++j) codes.set_bit(i, j, rng.uniform() < ones);
  return codes;
}

// Every row of `database`, nearest to `query` first, ties by row, each distance counted bit by bit.
inline std::vector<retrieval::Neighbour> brute_force_neighbours(const retrieval::BinaryCodes& database,
                                                                std::span<const std::uint64_t> query) {
  std::vector<retrieval::Neighbour> all;
  for (Index i = 0; i < database.rows(); ++i) {
    int distance = 0;
    for (int j = 0; j < database.bits(); ++j)
      distance += int((database.row(i)[std::size_t(j / 64)] >> (j % 64)) & 1u) != int((query[std::size_t(j / 64)] >> (j % 64)) & 1u);
    all.push_back({distance, i});
  }
  std::sort(all.begin(), all.end());
  return all;
}

}  // namespace aekit::test
