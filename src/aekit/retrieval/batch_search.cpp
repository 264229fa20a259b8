#include "aekit/retrieval/batch_search.hpp"

#include <algorithm>
#include <array>

#include "aekit/error.hpp"
#include "aekit/retrieval/hamming_scan.hpp"
#include "aekit/tensor/batch_parts.hpp"

namespace aekit::retrieval {
namespace {

// Work of a batch for BatchParts: a word operation per database word per query.
double batch_scan_work(const HammingSearch& search, const BinaryCodes& queries) {
  return double(queries.rows()) * double(search.database().rows()) * double(search.database().words_per_row());
}

// Queries the ball left to scan, gathered until a group is full.
constexpr std::size_t kPendingScans = 16;

}  // namespace

void nearest_batch(const HammingSearch& search, const BinaryCodes& queries, Index k, std::span<Neighbour> out) {
  const BinaryCodes& database = search.database();
  AEKIT_ASSERT(queries.bits() == database.bits() && k >= 0);
  const Index wanted = std::min(k, database.rows());
  AEKIT_ASSERT(Index(out.size()) == queries.rows() * wanted);
  BatchParts::split(queries.rows(), batch_scan_work(search, queries)).run([&](Index, Index, Index begin, Index end) {
    std::vector<Neighbour> found;
    std::array<ScanQuery, kPendingScans> pending;
    std::size_t waiting = 0;
    for (Index q = begin; q < end; ++q) {
      const std::span<Neighbour> list = out.subspan(std::size_t(q * wanted), std::size_t(wanted));
      if (search.nearest_by_ball(queries.row(q), k, found)) {
        std::copy(found.begin(), found.end(), list.begin());
        continue;
      }
      pending[waiting++] = {queries.row(q), list};
      if (waiting == pending.size()) {
        nearest_by_scan(database, std::span(pending.data(), waiting), k);
        waiting = 0;
      }
    }
    if (waiting > 0) nearest_by_scan(database, std::span(pending.data(), waiting), k);
  });
}

std::vector<Neighbour> nearest_batch(const HammingSearch& search, const BinaryCodes& queries, Index k) {
  std::vector<Neighbour> out(std::size_t(queries.rows() * std::min(k, search.database().rows())));
  nearest_batch(search, queries, k, out);
  return out;
}

std::vector<std::vector<Neighbour>> within_batch(const HammingSearch& search, const BinaryCodes& queries, int radius) {
  AEKIT_ASSERT(queries.bits() == search.database().bits() && radius >= 0);
  std::vector<std::vector<Neighbour>> out(std::size_t(queries.rows()));
  for_each_item(queries.rows(), double(search.database().rows()) * double(search.database().words_per_row()),
                [&](Index q) { out[std::size_t(q)] = search.within(queries.row(q), radius); });
  return out;
}

}  // namespace aekit::retrieval
