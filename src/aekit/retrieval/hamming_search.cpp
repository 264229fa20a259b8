#include "aekit/retrieval/hamming_search.hpp"

#include "aekit/error.hpp"
#include "aekit/retrieval/hamming_scan.hpp"

namespace aekit::retrieval {

HammingSearch::HammingSearch(BinaryCodes database) : database_(std::move(database)) {
  if (database_.bits() <= 64) ball_.emplace(database_);
  while (largest_radius_ < database_.bits() && ball_cheaper(largest_radius_ + 1)) ++largest_radius_;
}

bool HammingSearch::ball_cheaper(int radius) const {
  return ball_ && HammingBall::lookups(database_.bits(), radius) * kScanRowsPerLookup < double(database_.rows());
}

bool HammingSearch::nearest_by_ball(std::span<const std::uint64_t> query, Index k, std::vector<Neighbour>& found) const {
  AEKIT_ASSERT(Index(query.size()) == database_.words_per_row() && k >= 0);
  const Index wanted = std::min(k, database_.rows());
  found.clear();
  // The ball grows one distance at a time while its lookups cost less than a scan, and while
  // the rows it has found so far, at the same density over the largest affordable ball, could
  // reach k (long codes rarely find k rows within 1 of the query: those go straight to the scan).
  const int bits = database_.bits();
  for (int radius = 0; radius <= largest_radius_; ++radius) {
    if (radius > 0 && double(found.size()) / HammingBall::lookups(bits, radius - 1) *
                              HammingBall::lookups(bits, largest_radius_) <
                          double(wanted))
      return false;
    ball_->append_at(query[0], radius, found);
    if (Index(found.size()) >= wanted) {
      found.resize(std::size_t(wanted));
      return true;
    }
  }
  return false;
}

std::vector<Neighbour> HammingSearch::nearest(std::span<const std::uint64_t> query, Index k) const {
  std::vector<Neighbour> found;
  if (nearest_by_ball(query, k, found)) return found;
  return nearest_by_scan(database_, query, k);
}

bool HammingSearch::ball_within(int radius) const { return ball_cheaper(radius); }

std::vector<Neighbour> HammingSearch::within(std::span<const std::uint64_t> query, int radius) const {
  AEKIT_ASSERT(Index(query.size()) == database_.words_per_row() && radius >= 0);
  return ball_within(radius) ? ball_->within(query[0], radius) : within_by_scan(database_, query, radius);
}

}  // namespace aekit::retrieval
