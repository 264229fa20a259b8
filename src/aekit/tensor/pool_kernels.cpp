#include "aekit/tensor/pool_kernels.hpp"

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/tensor/batch_parts.hpp"
#include "aekit/tensor/multiply_add.hpp"

namespace aekit {
namespace {

void check_shapes(const ConvGeometry& g, ConstMatrixRef x, ConstMatrixRef y) {
  AEKIT_ASSERT(g.kernel.padding == 0 && g.kernel.dilation == 1);
  AEKIT_ASSERT(x.rows() == y.rows() && x.cols() == g.image.size() &&
               y.cols() == g.image.c * g.positions());
}

// The fast kernels work one output row (c, oh) of a sample at a time, tap by tap, over raw
// pointers (nothing the compiler must assume they alias) so the loops over ow vectorize.
// Tap (i, j) of output ow of the row reads input feature  first + i*W + j + ow*stride.
// kStride is the stride when known at compile time (with_stride), else 0.
// row(first, out): `first` is the row's input feature of its first window's first tap, `out`
// the output feature of its first window.
template <typename Row>
void for_each_output_row(const ConvGeometry& g, Index stride, Row row) {
  const Index oh_count = g.grid_h(), ow_count = g.grid_w();
  for (Index c = 0; c < g.image.c; ++c)
    for (Index oh = 0; oh < oh_count; ++oh)
      row((c * g.image.h + oh * stride) * g.image.w, (c * oh_count + oh) * ow_count);
}

// Each maximum starts at its window's first tap and moves to every later one that is larger
// (so the first maximum wins ties): selects rather than branches (ReLU maps are random).
template <Index kStride>
void max_pool_sample(const ConvGeometry& g, const Scalar* __restrict x, Scalar* __restrict y,
                     std::int32_t* __restrict argmax) {
  const Index size = g.kernel.size, width = g.image.w, ow_count = g.grid_w();
  const Index stride = kStride > 0 ? kStride : g.kernel.stride;
  for_each_output_row(g, stride, [&](Index first, Index out) {
    Scalar* __restrict y_row = y + out;
    std::int32_t* __restrict argmax_row = argmax + out;
    for (Index ow = 0; ow < ow_count; ++ow) {
      argmax_row[ow] = std::int32_t(first + ow * stride);
      y_row[ow] = x[argmax_row[ow]];
    }
    for (Index i = 0; i < size; ++i)
      for (Index j = i == 0 ? 1 : 0; j < size; ++j) {
        const Index tap = first + i * width + j;
        for (Index ow = 0; ow < ow_count; ++ow) {
          const Scalar v = x[tap + ow * stride];
          const bool greater = v > y_row[ow];
          y_row[ow] = greater ? v : y_row[ow];
          argmax_row[ow] = greater ? std::int32_t(tap + ow * stride) : argmax_row[ow];
        }
      }
  });
}

// Every mean starts at 0 and adds its taps in (i, j) order.
template <Index kStride>
void avg_pool_sample(const ConvGeometry& g, const Scalar* __restrict x, Scalar* __restrict y,
                     Scalar scale) {
  const Index size = g.kernel.size, width = g.image.w, ow_count = g.grid_w();
  const Index stride = kStride > 0 ? kStride : g.kernel.stride;
  for_each_output_row(g, stride, [&](Index first, Index out) {
    Scalar* __restrict y_row = y + out;
    std::fill_n(y_row, ow_count, Scalar(0));
    for (Index i = 0; i < size; ++i)
      for (Index j = 0; j < size; ++j) {
        const Index tap = first + i * width + j;
        for (Index ow = 0; ow < ow_count; ++ow) y_row[ow] += scale * x[tap + ow * stride];
      }
  });
}

// Every input pixel must take its terms in the reference's order: by output row, then by ow.
// Within an output row a pixel lies in at most one window row i, and its windows ow are
// met in increasing order when j decreases, so j runs backwards.
template <Index kStride>
void avg_pool_backward_sample(const ConvGeometry& g, const Scalar* __restrict dy,
                              Scalar* __restrict dx, Scalar scale) {
  const Index size = g.kernel.size, width = g.image.w, ow_count = g.grid_w();
  const Index stride = kStride > 0 ? kStride : g.kernel.stride;
  std::fill_n(dx, g.image.size(), Scalar(0));
  for_each_output_row(g, stride, [&](Index first, Index out) {
    const Scalar* __restrict dy_row = dy + out;
    for (Index i = 0; i < size; ++i)
      for (Index j = size - 1; j >= 0; --j) {
        Scalar* __restrict dx_tap = dx + first + i * width + j;
        for (Index ow = 0; ow < ow_count; ++ow)
          dx_tap[ow * stride] = multiply_add(scale, dy_row[ow], dx_tap[ow * stride]);
      }
  });
}

Scalar mean_scale(const ConvGeometry& g) {
  return Scalar(1) / Scalar(g.kernel.size * g.kernel.size);
}

// The references: visit(o, t, number) for every tap of every window of one sample, in
// (o, i, j) order; t is the tap's input feature, number = i*k + j its place in the window.
template <typename Visit>
void for_each_tap(const ConvGeometry& g, Visit visit) {
  const Index size = g.kernel.size, stride = g.kernel.stride;
  const Index oh_count = g.grid_h(), ow_count = g.grid_w();
  for (Index c = 0; c < g.image.c; ++c)
    for (Index oh = 0; oh < oh_count; ++oh)
      for (Index ow = 0; ow < ow_count; ++ow)
        for (Index i = 0; i < size; ++i)
          for (Index j = 0; j < size; ++j)
            visit((c * oh_count + oh) * ow_count + ow,
                  (c * g.image.h + oh * stride + i) * g.image.w + ow * stride + j, i * size + j);
}

// out = A in, A the linear map of the window means (out[n, o] = sum over the window of
// in[n, t] / k^2), or out = A^T in with kAdjoint; every sum from 0, in (o, i, j) order.
template <bool kAdjoint>
void apply_mean_reference(const ConvGeometry& g, ConstMatrixRef in, MatrixRef out) {
  out.setZero();
  for (Index n = 0; n < in.rows(); ++n)
    for_each_tap(g, [&](Index o, Index t, Index) {
      if constexpr (kAdjoint)
        out(n, t) = multiply_add(mean_scale(g), in(n, o), out(n, t));
      else
        out(n, o) += mean_scale(g) * in(n, t);
    });
}

}  // namespace

void max_pool_forward(const ConvGeometry& geometry, ConstMatrixRef x, MatrixRef y,
                      ArgmaxRef argmax) {
  check_shapes(geometry, x, y);
  AEKIT_ASSERT(argmax.rows() == y.rows() && argmax.cols() == y.cols());
  for_each_item(x.rows(), double(x.cols()), [&](Index n) {
    with_stride(geometry.kernel.stride, [&]<Index S>() {
      max_pool_sample<S>(geometry, x.row(n).data(), y.row(n).data(), argmax.row(n).data());
    });
  });
}

void max_pool_backward(const ConvGeometry& geometry, ConstArgmaxRef argmax, ConstMatrixRef dy,
                       MatrixRef dx) {
  check_shapes(geometry, dx, dy);
  AEKIT_ASSERT(argmax.rows() == dy.rows() && argmax.cols() == dy.cols());
  for_each_item(dx.rows(), double(dx.cols()), [&](Index n) {
    const std::int32_t* argmax_n = argmax.row(n).data();
    const Scalar* dy_n = dy.row(n).data();
    Scalar* dx_n = dx.row(n).data();
    std::fill_n(dx_n, dx.cols(), Scalar(0));
    for (Index o = 0; o < dy.cols(); ++o) dx_n[argmax_n[o]] += dy_n[o];
  });
}

void avg_pool_forward(const ConvGeometry& geometry, ConstMatrixRef x, MatrixRef y) {
  check_shapes(geometry, x, y);
  for_each_item(x.rows(), double(x.cols()), [&](Index n) {
    with_stride(geometry.kernel.stride, [&]<Index S>() {
      avg_pool_sample<S>(geometry, x.row(n).data(), y.row(n).data(), mean_scale(geometry));
    });
  });
}

void avg_pool_backward(const ConvGeometry& geometry, ConstMatrixRef dy, MatrixRef dx) {
  check_shapes(geometry, dx, dy);
  for_each_item(dx.rows(), double(dx.cols()), [&](Index n) {
    with_stride(geometry.kernel.stride, [&]<Index S>() {
      avg_pool_backward_sample<S>(geometry, dy.row(n).data(), dx.row(n).data(),
                                  mean_scale(geometry));
    });
  });
}

void max_pool_forward_reference(const ConvGeometry& geometry, ConstMatrixRef x, MatrixRef y,
                                ArgmaxRef argmax) {
  check_shapes(geometry, x, y);
  AEKIT_ASSERT(argmax.rows() == y.rows() && argmax.cols() == y.cols());
  for (Index n = 0; n < x.rows(); ++n)
    for_each_tap(geometry, [&](Index o, Index t, Index number) {
      if (number == 0 || x(n, t) > y(n, o)) {
        y(n, o) = x(n, t);
        argmax(n, o) = std::int32_t(t);
      }
    });
}

void max_pool_backward_reference(const ConvGeometry& geometry, ConstMatrixRef x,
                                 ConstMatrixRef dy, MatrixRef dx) {
  check_shapes(geometry, x, dy);
  AEKIT_ASSERT(dx.rows() == x.rows() && dx.cols() == x.cols());
  dx.setZero();
  const Index last = geometry.kernel.size * geometry.kernel.size - 1;
  for (Index n = 0; n < x.rows(); ++n) {
    Index first_maximum = 0;
    for_each_tap(geometry, [&](Index o, Index t, Index number) {
      if (number == 0 || x(n, t) > x(n, first_maximum)) first_maximum = t;
      if (number == last) dx(n, first_maximum) += dy(n, o);
    });
  }
}

void avg_pool_forward_reference(const ConvGeometry& geometry, ConstMatrixRef x, MatrixRef y) {
  check_shapes(geometry, x, y);
  apply_mean_reference<false>(geometry, x, y);
}

void avg_pool_backward_reference(const ConvGeometry& geometry, ConstMatrixRef dy, MatrixRef dx) {
  check_shapes(geometry, dx, dy);
  apply_mean_reference<true>(geometry, dy, dx);
}

}  // namespace aekit
