#pragma once
// Semantic hashing's memory lookup (Salakhutdinov & Hinton 2009): a code of B <= 64 bits is an
// address. The table maps each code present in the database to its rows; the rows within
// Hamming distance r of a query are found by flipping every set of at most r of its bits and
// looking each result up:
//   lookups(B, r) = sum_{i=0..r} C(B, i)      (independent of the database's size N)
// which beats a scan of N rows while lookups(B, r) costs less than it (hamming_search.hpp).
// The table is open addressing (linear probing, at most half full, Fibonacci hashing) over the
// distinct codes, each slot naming its code's run of rows in one array (by code, then row): a
// lookup that misses reads one cache line.
#include <cstdint>
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
  // Allocates nothing once `out` has room.
  void append_at(std::uint64_t query, int distance, std::vector<Neighbour>& out) const;
  // sum_{i=0..radius} C(bits, i), the lookups within() makes (a double: it can exceed 2^63).
  static double lookups(int bits, int radius);

 private:
  // Appends the rows at exactly `flips` more flipped bits, choosing bits from `first` upward.
  void flip(std::uint64_t code, int first, int flips, int distance, std::vector<Neighbour>& out) const;

  // The slot of `code`: the one holding it, or the empty one where the probe stopped.
  std::size_t slot_of(std::uint64_t code) const;

  struct Slot {
    std::uint64_t code = 0;
    std::uint32_t group = kEmpty;  // the code's run: rows_[first_[group] .. first_[group + 1])
  };
  static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};

  int bits_;
  int shift_ = 63;           // slot = (code * golden ratio) >> shift_
  std::vector<Slot> slots_;  // a power of two, at least twice the distinct codes
  std::vector<std::size_t> first_;
  std::vector<Index> rows_;  // by code, then row
};

}  // namespace aekit::retrieval
