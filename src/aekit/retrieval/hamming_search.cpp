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
    // The ball's cost grows with r: the lookups of every radius tried so far are summed.
    double spent = 0;
    for (int radius = 0; radius <= database_.bits(); ++radius) {
      spent += HammingBall::lookups(database_.bits(), radius);
      if (spent >= double(database_.rows())) break;
      std::vector<Neighbour> found = ball_->within(query[0], radius);
      if (Index(found.size()) >= wanted) {
        found.resize(std::size_t(wanted));
        return found;
      }
    }
  }
  return nearest_by_scan(database_, query, k);
}

}  // namespace aekit::retrieval
