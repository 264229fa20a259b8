#pragma once
// Semantic hashing's memory lookup (Salakhutdinov & Hinton 2009): a code of B <= 64 bits is an
// address. The table maps each code present in the database to its rows; the rows within
// Hamming distance r of a query are found by flipping every set of at most r of its bits and
// looking each result up:
//   lookups(B, r) = sum_{i=0..r} C(B, i)      (independent of the database's size N)
// which beats a scan of N rows while lookups(B, r) stays below N.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "aekit/retrieval/binary_codes.hpp"
#include "aekit/retrieval/neighbour.hpp"

namespace aekit::retrieval {

class HammingBall {
 public:
  explicit HammingBall(const BinaryCodes& codes);  // UsageError unless codes.bits() <= 64

  int bits() const { return bits_; }
  // Every row within distance <= radius of query, nearest first, ties by row.
  std::vector<Neighbour> within(std::uint64_t query, int radius) const;
  // Appends the rows at exactly `distance` from query to `out`, by row: C(bits, distance) lookups.
  void append_at(std::uint64_t query, int distance, std::vector<Neighbour>& out) const;
  // sum_{i=0..radius} C(bits, i), the lookups within() makes (a double: it can exceed 2^63).
  static double lookups(int bits, int radius);

 private:
  // Appends the rows at exactly `flips` more flipped bits, choosing bits from `first` upward.
  void flip(std::uint64_t code, int first, int flips, std::vector<Index>& rows) const;

  int bits_;
  std::unordered_map<std::uint64_t, std::vector<Index>> rows_of_code_;  // rows in index order
};

}  // namespace aekit::retrieval
