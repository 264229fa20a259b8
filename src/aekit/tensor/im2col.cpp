#include "aekit/tensor/im2col.hpp"

#include <algorithm>
#include <utility>

#include "aekit/error.hpp"

namespace aekit {
namespace {

// Calls tap(row, pixel, column) for every patch entry that lies inside the image; row and
// column index cols, pixel indexes the image. Entries in the padding are skipped.
// (The reference kernels: one entry at a time.)
template <typename Tap>
void for_each_tap(const ConvGeometry& g, Tap tap) {
  const ConvKernel& k = g.kernel;
  const Index oh_count = g.grid_h(), ow_count = g.grid_w();
  for (Index c = 0; c < g.image.c; ++c)
    for (Index i = 0; i < k.size; ++i)
      for (Index j = 0; j < k.size; ++j) {
        const Index row = (c * k.size + i) * k.size + j;
        for (Index oh = 0; oh < oh_count; ++oh) {
          const Index y = oh * k.stride - k.padding + i * k.dilation;
          if (y < 0 || y >= g.image.h) continue;
          const Index pixel_row = (c * g.image.h + y) * g.image.w;
          for (Index ow = 0; ow < ow_count; ++ow) {
            const Index x = ow * k.stride - k.padding + j * k.dilation;
            if (x >= 0 && x < g.image.w) tap(row, pixel_row + x, oh * ow_count + ow);
          }
        }
      }
}

// The fast kernels work a cols row (c, i, j) at a time. Its entry (oh, ow) reads the pixel
//   base + oh*stride*Ww + ow*stride     when oh_lo <= oh < oh_hi and lo <= ow < hi
// and lies in the padding otherwise (base, the pixel of oh = ow = 0, may itself lie outside).
// Within one row each pixel is read at most once, so col2im sums every pixel's entries in
// the reference's order (rows in order) however a row is traversed.
struct PatchRow {
  Index row, base, oh_lo, oh_hi, lo, hi;
  bool empty() const { return oh_lo >= oh_hi || lo >= hi; }
};

// [lo, hi): the grid positions t (of `count`) whose pixel first + t*stride lies in [0, extent).
std::pair<Index, Index> inside(Index first, Index stride, Index extent, Index count) {
  const Index lo = std::min(count, first >= 0 ? 0 : (stride - 1 - first) / stride);
  const Index hi = first < extent ? std::min(count, (extent - 1 - first) / stride + 1) : 0;
  return {lo, std::max(lo, hi)};
}

template <typename Visit>
void for_each_patch_row(const ConvGeometry& g, Visit visit) {
  const ConvKernel& k = g.kernel;
  for (Index c = 0; c < g.image.c; ++c)
    for (Index i = 0; i < k.size; ++i)
      for (Index j = 0; j < k.size; ++j) {
        const Index y0 = i * k.dilation - k.padding, x0 = j * k.dilation - k.padding;
        const auto [oh_lo, oh_hi] = inside(y0, k.stride, g.image.h, g.grid_h());
        const auto [lo, hi] = inside(x0, k.stride, g.image.w, g.grid_w());
        visit(PatchRow{(c * k.size + i) * k.size + j, (c * g.image.h + y0) * g.image.w + x0,
                       oh_lo, oh_hi, lo, hi});
      }
}

// The inner loops over a patch row's box of runs x length entries (raw pointers: nothing the
// compiler must assume they alias); kStride is the stride when known at compile time, else 0.
//   copy_runs: out[i*out_step + j] = in[i*in_step + j*stride]       (im2col)
//   add_runs:  out[i*out_step + j*stride] += in[i*in_step + j]      (col2im)
template <Index kStride>
void copy_runs(const Scalar* __restrict in, Index in_step, Scalar* __restrict out,
               Index out_step, Index stride, Index runs, Index length) {
  const Index s = kStride > 0 ? kStride : stride;
  for (Index i = 0; i < runs; ++i, in += in_step, out += out_step)
    for (Index j = 0; j < length; ++j) out[j] = in[j * s];
}

template <Index kStride>
void add_runs(const Scalar* __restrict in, Index in_step, Scalar* __restrict out,
              Index out_step, Index stride, Index runs, Index length) {
  const Index s = kStride > 0 ? kStride : stride;
  for (Index i = 0; i < runs; ++i, in += in_step, out += out_step)
    for (Index j = 0; j < length; ++j) out[j * s] += in[j];
}

}  // namespace

bool ConvGeometry::valid() const {
  return image.c > 0 && image.h > 0 && image.w > 0 && kernel.size > 0 && kernel.stride > 0 &&
         kernel.padding >= 0 && kernel.dilation > 0 && grid_h() > 0 && grid_w() > 0;
}

void im2col(const ConvGeometry& geometry, const Scalar* image, MatrixRef cols) {
  AEKIT_ASSERT(cols.rows() == geometry.patch_size() && cols.cols() == geometry.positions());
  const Index ow_count = geometry.grid_w(), positions = geometry.positions();
  const Index stride = geometry.kernel.stride, row_step = stride * geometry.image.w;
  // Stride 1 and a grid as wide as the image ("same" padding): entry q of a row reads pixel
  // base + q, so the inside of a row is one contiguous copy (whose entries that wrapped
  // around to a neighbouring image row lie in the padding columns, zeroed after).
  const bool contiguous = stride == 1 && ow_count == geometry.image.w;
  for_each_patch_row(geometry, [&](const PatchRow& r) {
    Scalar* out = cols.row(r.row).data();
    if (r.empty()) {
      std::fill_n(out, positions, Scalar(0));
      return;
    }
    if (contiguous) {
      const Index begin = r.oh_lo * ow_count + r.lo, end = (r.oh_hi - 1) * ow_count + r.hi;
      std::copy(image + r.base + begin, image + r.base + end, out + begin);
    } else {
      const Scalar* in = image + (r.base + r.oh_lo * row_step + r.lo * stride);
      with_stride(stride, [&]<Index S>() {
        copy_runs<S>(in, row_step, out + r.oh_lo * ow_count + r.lo, ow_count, stride,
                     r.oh_hi - r.oh_lo, r.hi - r.lo);
      });
    }
    // The padding: whole grid rows above and below, then the few columns left and right
    // (a column at a time: strided stores rather than a library call per grid row).
    std::fill(out, out + r.oh_lo * ow_count, Scalar(0));
    std::fill(out + r.oh_hi * ow_count, out + positions, Scalar(0));
    const auto zero_column = [&](Index ow) {
      for (Index oh = r.oh_lo; oh < r.oh_hi; ++oh) out[oh * ow_count + ow] = 0;
    };
    for (Index ow = 0; ow < r.lo; ++ow) zero_column(ow);
    for (Index ow = r.hi; ow < ow_count; ++ow) zero_column(ow);
  });
}

void col2im(const ConvGeometry& geometry, ConstMatrixRef cols, Scalar* image) {
  AEKIT_ASSERT(cols.rows() == geometry.patch_size() && cols.cols() == geometry.positions());
  std::fill_n(image, geometry.image.size(), Scalar(0));
  const Index ow_count = geometry.grid_w(), stride = geometry.kernel.stride;
  const Index row_step = stride * geometry.image.w;
  for_each_patch_row(geometry, [&](const PatchRow& r) {
    if (r.empty()) return;
    const Scalar* in = cols.row(r.row).data() + r.oh_lo * ow_count + r.lo;
    Scalar* out = image + (r.base + r.oh_lo * row_step + r.lo * stride);
    with_stride(stride, [&]<Index S>() {
      add_runs<S>(in, ow_count, out, row_step, stride, r.oh_hi - r.oh_lo, r.hi - r.lo);
    });
  });
}

void im2col_reference(const ConvGeometry& geometry, const Scalar* image, MatrixRef cols) {
  AEKIT_ASSERT(cols.rows() == geometry.patch_size() && cols.cols() == geometry.positions());
  cols.setZero();
  for_each_tap(geometry, [&](Index row, Index pixel, Index column) {
    cols(row, column) = image[pixel];
  });
}

void col2im_reference(const ConvGeometry& geometry, ConstMatrixRef cols, Scalar* image) {
  AEKIT_ASSERT(cols.rows() == geometry.patch_size() && cols.cols() == geometry.positions());
  std::fill_n(image, geometry.image.size(), Scalar(0));
  for_each_tap(geometry, [&](Index row, Index pixel, Index column) {
    image[pixel] += cols(row, column);
  });
}

}  // namespace aekit
