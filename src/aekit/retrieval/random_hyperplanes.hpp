#pragma once
// Random-projection LSH (Charikar 2002), the data-independent baseline of semantic hashing:
// B hyperplanes through the origin with Gaussian normals W[D, B] (W_ij ~ N(0, 1), from `seed`),
// and bit j of row x is [x . w_j > 0]. Two rows at angle theta differ in each bit with
// probability theta / pi, so the Hamming distance estimates the angle. Centre the rows first
// for the angle around the data's mean.
#include <cstdint>

#include "aekit/retrieval/binary_codes.hpp"

namespace aekit::retrieval {

class RandomHyperplanes {
 public:
  RandomHyperplanes(Index features, int bits, std::uint64_t seed);  // UsageError unless both >= 1

  BinaryCodes codes(const FloatMatrix& rows) const;  // UsageError unless rows.cols() == features

 private:
  FloatMatrix normals_;  // [D, B]
};

}  // namespace aekit::retrieval
