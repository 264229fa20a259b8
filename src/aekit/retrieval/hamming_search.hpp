#pragma once
// The k nearest rows by Hamming distance, by whichever exact method costs less: the ball of
// radius r = 0, 1, 2, ... around the query (hamming_ball.hpp), grown one distance at a time while
// its lookups stay below the database's row count and it has not yet found k rows, else a popcount scan
// (hamming_scan.hpp). Once the ball of radius r holds k rows, its k nearest are the k nearest
// overall (every row at distance <= r is in it), so both methods return the same list.
#include <optional>
#include <span>
#include <vector>

#include "aekit/retrieval/binary_codes.hpp"
#include "aekit/retrieval/hamming_ball.hpp"
#include "aekit/retrieval/neighbour.hpp"

namespace aekit::retrieval {

class HammingSearch {
 public:
  explicit HammingSearch(BinaryCodes database);  // the ball table only for codes of <= 64 bits

  const BinaryCodes& database() const { return database_; }
  // min(k, N) rows, nearest first, ties by row; query: words_per_row words.
  std::vector<Neighbour> nearest(std::span<const std::uint64_t> query, Index k) const;

 private:
  BinaryCodes database_;
  std::optional<HammingBall> ball_;
};

}  // namespace aekit::retrieval
