#pragma once
// The k nearest rows by Hamming distance, by whichever exact method costs less: the ball of
// radius r = 0, 1, 2, ... around the query (hamming_ball.hpp), grown one distance at a time while
// its lookups cost less than a scan of the database, it has not yet found k rows and the rows
// found so far, extrapolated at their density to the largest affordable ball, could reach k;
// else a popcount scan (hamming_scan.hpp). Once the ball of radius r holds k rows, its k nearest are the
// k nearest overall (every row at distance <= r is in it), so both methods return the same list.
// A lookup (a hash probe, often a cache miss) is counted as kScanRowsPerLookup scanned rows.
// The rows within a radius come the same way: the ball when its lookups cost less, else a scan.
#include <optional>
#include <span>
#include <vector>

#include "aekit/retrieval/binary_codes.hpp"
#include "aekit/retrieval/hamming_ball.hpp"
#include "aekit/retrieval/neighbour.hpp"

namespace aekit::retrieval {

// What one lookup of the ball costs, in rows of a scan: measured with `make bench hashing`
// (Fashion-MNIST codes, 60 000 rows: about 50 ns a lookup, a probe of a table larger than the
// level-2 cache, against 0.3 ns a row for a scan comparing 8 rows per vector instruction).
inline constexpr double kScanRowsPerLookup = 128;

class HammingSearch {
 public:
  explicit HammingSearch(BinaryCodes database);  // the ball table only for codes of <= 64 bits

  const BinaryCodes& database() const { return database_; }
  // min(k, N) rows, nearest first, ties by row; query: words_per_row words.
  std::vector<Neighbour> nearest(std::span<const std::uint64_t> query, Index k) const;
  // The same list into `found` (cleared first) if the ball finds it at a cost below a scan's;
  // false if the caller must scan. Allocates nothing once `found` has room.
  bool nearest_by_ball(std::span<const std::uint64_t> query, Index k, std::vector<Neighbour>& found) const;
  // Every row within distance <= radius, nearest first, ties by row.
  std::vector<Neighbour> within(std::span<const std::uint64_t> query, int radius) const;
  // Whether within(., radius) looks the rows up in the ball (else it scans).
  bool ball_within(int radius) const;

 private:
  bool ball_cheaper(int radius) const;

  BinaryCodes database_;
  std::optional<HammingBall> ball_;
  int largest_radius_ = -1;  // of the largest ball cheaper than a scan (-1: none)
};

}  // namespace aekit::retrieval
