#pragma once
// Upsampling a batch by an integer factor s: x[N, C*H*W] -> y[N, C*(sH)*(sW)], one image per
// row (channel-major), as PyTorch's nn.Upsample(scale_factor=s, mode, align_corners=False).
// Output coordinate t of an axis of `extent` pixels reads the source pixels lo and hi with
// weights 1 - f and f (an UpsampleTap):
//   nearest    lo = hi = t / s,  f = 0
//   bilinear   u = max((t + 0.5) / s - 0.5, 0),  lo = floor(u),  hi = min(lo + 1, extent - 1),
//              f = u - lo
// and the map is separable: with row tap r (of oy) and column tap k (of ox),
//   y[c, oy, ox] = (1-r.f)(1-k.f) x[c, r.lo, k.lo] + (1-r.f) k.f x[c, r.lo, k.hi]
//                + r.f (1-k.f) x[c, r.hi, k.lo]    + r.f k.f x[c, r.hi, k.hi]
// summed from 0 in that order, each term added with multiply_add (tensor/multiply_add.hpp:
// fused where the target has FMA; the file is compiled without implicit fusing,
// -ffp-contract=off, so that is all the rounding there is).
// Backward is the adjoint: dx[n, i] = sum of weight * dy[n, o] over the (o, i) pairs above,
// taken in increasing o and then in the order above, fused alike.
//
// Threads: each kernel takes the whole batch and splits its samples over the threads itself
// (for_each_item, tensor/batch_parts.hpp): one call per layer pass, as one device kernel
// would be. A sample is computed by one thread in a fixed order, so the results are the same
// bits whatever the thread count. The fast kernels read per-axis tap tables computed once
// (UpsampleTaps); the references compute every tap from the formula where it is used, and
// add in the same order, so the two agree exactly.
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit {

enum class UpsampleMode { nearest, bilinear };

struct UpsampleGeometry {
  Shape input;
  Index scale = 2;
  UpsampleMode mode = UpsampleMode::nearest;

  Shape output() const { return {input.c, input.h * scale, input.w * scale}; }
};

struct UpsampleTap {
  Index lo, hi;  // source pixels
  Scalar f;      // weight of hi (lo gets 1 - f)
};

// The tap of output coordinate t along an axis of `extent` source pixels.
UpsampleTap upsample_tap(const UpsampleGeometry& geometry, Index t, Index extent);

// Every row and column tap of a geometry, computed once (the fast kernels' tables).
struct UpsampleTaps {
  explicit UpsampleTaps(const UpsampleGeometry& geometry);

  UpsampleGeometry geometry;
  std::vector<UpsampleTap> rows, columns;  // [sH], [sW]
};

void upsample_forward(const UpsampleTaps& taps, ConstMatrixRef x, MatrixRef y);
// dx = the adjoint map of dy (overwrites dx).
void upsample_backward(const UpsampleTaps& taps, ConstMatrixRef dy, MatrixRef dx);

void upsample_forward_reference(const UpsampleGeometry& geometry, ConstMatrixRef x, MatrixRef y);
void upsample_backward_reference(const UpsampleGeometry& geometry, ConstMatrixRef dy,
                                 MatrixRef dx);

}  // namespace aekit
