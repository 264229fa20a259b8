#pragma once
// Many queries at once, split over aekit's threads (tensor/batch_parts.hpp: contiguous
// parts of the queries, taken by whichever thread is free). Each query gets exactly the list
// HammingSearch gives it alone (the split changes no result): the ball answers the queries it
// can answer cheaply, the others are scanned together in groups (hamming_scan.hpp), so one pass
// over the database serves several queries.
#include <span>
#include <vector>

#include "aekit/retrieval/binary_codes.hpp"
#include "aekit/retrieval/hamming_search.hpp"
#include "aekit/retrieval/neighbour.hpp"

namespace aekit::retrieval {

// out: [queries.rows(), min(k, N)], row q the k nearest of query q, nearest first, ties by row.
void nearest_batch(const HammingSearch& search, const BinaryCodes& queries, Index k, std::span<Neighbour> out);
std::vector<Neighbour> nearest_batch(const HammingSearch& search, const BinaryCodes& queries, Index k);

// Row q: search.within(queries.row(q), radius).
std::vector<std::vector<Neighbour>> within_batch(const HammingSearch& search, const BinaryCodes& queries, int radius);

}  // namespace aekit::retrieval
