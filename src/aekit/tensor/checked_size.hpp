#pragma once
// Products of sizes that come from outside (a file's header, a layer's text), computed without
// overflow.
//
// Such sizes are the input's to choose: their product can exceed 64 bits and wrap to a small
// number, which would pass a loader's "are the bytes there?" check and then size what it
// allocates, or make a shape's size() undefined. Code that multiplies them takes the product
// from here and refuses an input without one.
#include <initializer_list>
#include <optional>
#include <span>

#include "aekit/tensor/matrix.hpp"

namespace aekit {

// The product of `factors`, or nothing when one is negative or the product does not fit in an
// Index (63 bits).
inline std::optional<Index> checked_product(std::span<const Index> factors) {
  Index product = 1;
  for (const Index f : factors)
    if (f < 0 || __builtin_mul_overflow(product, f, &product)) return std::nullopt;
  return product;
}

inline std::optional<Index> checked_product(std::initializer_list<Index> factors) {
  return checked_product(std::span<const Index>(factors.begin(), factors.size()));
}

}  // namespace aekit
