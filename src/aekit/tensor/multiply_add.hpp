#pragma once
// a*b + c as the compiler computes it by default: rounded once (a fused multiply-add) where
// the target has FMA instructions, rounded twice where it has none. For kernels compiled
// with -ffp-contract=off, which must say which of their multiply-adds are fused.
#include <cmath>

#include "aekit/tensor/matrix.hpp"

namespace aekit {

inline Scalar multiply_add(Scalar a, Scalar b, Scalar c) {
#ifdef __FMA__
  return std::fma(a, b, c);
#else
  return a * b + c;
#endif
}

}  // namespace aekit
