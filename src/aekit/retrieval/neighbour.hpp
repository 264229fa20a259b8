#pragma once
// One search result: a database row and its Hamming distance to the query. Results are listed
// nearest first, ties by row index, so every search method returns the same list.
#include <compare>

#include "aekit/tensor/matrix.hpp"

namespace aekit::retrieval {

struct Neighbour {
  int distance = 0;
  Index row = 0;

  auto operator<=>(const Neighbour&) const = default;  // by distance, then row
};

}  // namespace aekit::retrieval
