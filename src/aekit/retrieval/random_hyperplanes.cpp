#include "aekit/retrieval/random_hyperplanes.hpp"

#include <fmt/format.h>

#include <vector>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::retrieval {

RandomHyperplanes::RandomHyperplanes(Index features, int bits, std::uint64_t seed) {
  if (features < 1 || bits < 1)
    throw UsageError(fmt::format("random hyperplanes: expected features >= 1 and bits >= 1, found {} and {}", features,
                                 bits));
  Rng rng(seed);
  normals_.resize(features, bits);
  for (Index i = 0; i < features; ++i)
    for (Index j = 0; j < bits; ++j) normals_(i, j) = float(rng.normal());
}

BinaryCodes RandomHyperplanes::codes(const FloatMatrix& rows) const {
  if (rows.cols() != normals_.rows())
    throw UsageError(fmt::format("random hyperplanes: expected rows of {} features, found {}", normals_.rows(),
                                 rows.cols()));
  const FloatMatrix projections = rows * normals_;  // [N, B]
  return BinaryCodes::threshold(projections, std::vector<float>(std::size_t(normals_.cols()), 0.0f));
}

}  // namespace aekit::retrieval
