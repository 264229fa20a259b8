#include "aekit/retrieval/hamming_search.hpp"

#include "aekit/error.hpp"
#include "aekit/retrieval/hamming_scan.hpp"

namespace aekit::retrieval {

HammingSearch::HammingSearch(BinaryCodes database) : database_(std::move(database)) {
  if (database_.bits() <= 64) ball_.emplace(database_);
}

std::vector<Neighbour> HammingSearch::nearest(std::span<const std::uint64_t> query, Index k) const {
  AEKIT_ASSERT(Index(query.size()) == database_.words_per_row() && k >= 0);
  const Index wanted = std::min(k, database_.rows());
  if (ball_) {
    // The ball grows one distance at a time while its lookups stay below a scan's N rows.
    std::vector<Neighbour> found;
    for (int radius = 0; radius <= database_.bits(); ++radius) {
      if (HammingBall::lookups(database_.bits(), radius) >= double(database_.rows())) break;
      ball_->append_at(query[0], radius, found);
      if (Index(found.size()) >= wanted) {
        found.resize(std::size_t(wanted));
        return found;
      }
    }
  }
  return nearest_by_scan(database_, query, k);
}

}  // namespace aekit::retrieval
