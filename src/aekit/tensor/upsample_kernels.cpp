#include "aekit/tensor/upsample_kernels.hpp"

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/tensor/batch_parts.hpp"
#include "aekit/tensor/multiply_add.hpp"

namespace aekit {
namespace {

void check_shapes(const UpsampleGeometry& g, ConstMatrixRef x, ConstMatrixRef y) {
  AEKIT_ASSERT(x.rows() == y.rows() && x.cols() == g.input.size() &&
               y.cols() == g.output().size());
}

std::vector<UpsampleTap> axis_taps(const UpsampleGeometry& g, Index extent) {
  std::vector<UpsampleTap> taps;
  for (Index t = 0; t < extent * g.scale; ++t) taps.push_back(upsample_tap(g, t, extent));
  return taps;
}

// visit(o, i, weight) for every (output feature, input feature) pair of one sample, in the
// order of the header, over the tap tables.
template <typename Visit>
void for_each_weight(const UpsampleTaps& taps, Visit visit) {
  const Shape in = taps.geometry.input, out = taps.geometry.output();
  Index o = 0;
  for (Index c = 0; c < out.c; ++c)
    for (const UpsampleTap& r : taps.rows) {
      const Index lo_row = (c * in.h + r.lo) * in.w, hi_row = (c * in.h + r.hi) * in.w;
      for (const UpsampleTap& k : taps.columns) {
        visit(o, lo_row + k.lo, (1 - r.f) * (1 - k.f));
        visit(o, lo_row + k.hi, (1 - r.f) * k.f);
        visit(o, hi_row + k.lo, r.f * (1 - k.f));
        visit(o, hi_row + k.hi, r.f * k.f);
        ++o;
      }
    }
}

// The references: visit(o, i, weight) as above, every tap computed from the formula and the
// 2 x 2 neighbourhood walked as (row lo, hi) x (column lo, hi).
template <typename Visit>
void for_each_weight_reference(const UpsampleGeometry& g, Visit visit) {
  const Shape in = g.input, out = g.output();
  for (Index c = 0; c < out.c; ++c)
    for (Index oy = 0; oy < out.h; ++oy)
      for (Index ox = 0; ox < out.w; ++ox) {
        const UpsampleTap r = upsample_tap(g, oy, in.h), k = upsample_tap(g, ox, in.w);
        for (int a = 0; a < 2; ++a)
          for (int b = 0; b < 2; ++b)
            visit((c * out.h + oy) * out.w + ox,
                  (c * in.h + (a ? r.hi : r.lo)) * in.w + (b ? k.hi : k.lo),
                  (a ? r.f : 1 - r.f) * (b ? k.f : 1 - k.f));
      }
}

// out = A in, A the upsampling map (A[o, i] = the weights visited), or out = A^T in with
// kAdjoint; every sum from 0 in visiting order.
template <bool kAdjoint>
void apply(const UpsampleTaps& taps, ConstMatrixRef in, MatrixRef out) {
  for_each_item(in.rows(), 4.0 * double(kAdjoint ? in.cols() : out.cols()), [&](Index n) {
    const Scalar* __restrict in_n = in.row(n).data();
    Scalar* __restrict out_n = out.row(n).data();
    std::fill_n(out_n, out.cols(), Scalar(0));
    for_each_weight(taps, [&](Index o, Index i, Scalar weight) {
      if constexpr (kAdjoint)
        out_n[i] = multiply_add(weight, in_n[o], out_n[i]);
      else
        out_n[o] = multiply_add(weight, in_n[i], out_n[o]);
    });
  });
}

template <bool kAdjoint>
void apply_reference(const UpsampleGeometry& g, ConstMatrixRef in, MatrixRef out) {
  out.setZero();
  for (Index n = 0; n < in.rows(); ++n)
    for_each_weight_reference(g, [&](Index o, Index i, Scalar weight) {
      if constexpr (kAdjoint)
        out(n, i) = multiply_add(weight, in(n, o), out(n, i));
      else
        out(n, o) = multiply_add(weight, in(n, i), out(n, o));
    });
}

}  // namespace

UpsampleTap upsample_tap(const UpsampleGeometry& geometry, Index t, Index extent) {
  const Index s = geometry.scale;
  if (geometry.mode == UpsampleMode::nearest) return {t / s, t / s, 0};
  const double u = std::max((t + 0.5) / double(s) - 0.5, 0.0);
  const Index lo = Index(u);
  return {lo, std::min(lo + 1, extent - 1), Scalar(u - double(lo))};
}

UpsampleTaps::UpsampleTaps(const UpsampleGeometry& geometry)
    : geometry(geometry), rows(axis_taps(geometry, geometry.input.h)),
      columns(axis_taps(geometry, geometry.input.w)) {
  const Shape in = geometry.input;
  AEKIT_ASSERT(in.c > 0 && in.h > 0 && in.w > 0 && geometry.scale > 0);
}

void upsample_forward(const UpsampleTaps& taps, ConstMatrixRef x, MatrixRef y) {
  check_shapes(taps.geometry, x, y);
  apply<false>(taps, x, y);
}

void upsample_backward(const UpsampleTaps& taps, ConstMatrixRef dy, MatrixRef dx) {
  check_shapes(taps.geometry, dx, dy);
  apply<true>(taps, dy, dx);
}

void upsample_forward_reference(const UpsampleGeometry& geometry, ConstMatrixRef x, MatrixRef y) {
  check_shapes(geometry, x, y);
  apply_reference<false>(geometry, x, y);
}

void upsample_backward_reference(const UpsampleGeometry& geometry, ConstMatrixRef dy,
                                 MatrixRef dx) {
  check_shapes(geometry, dx, dy);
  apply_reference<true>(geometry, dy, dx);
}

}  // namespace aekit
