#include "aekit/tensor/im2col.hpp"

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit {
namespace {

// Calls tap(row, pixel, column) for every patch entry that lies inside the image; row and
// column index cols, pixel indexes the image. Entries in the padding are skipped.
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

}  // namespace

bool ConvGeometry::valid() const {
  return image.c > 0 && image.h > 0 && image.w > 0 && kernel.size > 0 && kernel.stride > 0 &&
         kernel.padding >= 0 && kernel.dilation > 0 && grid_h() > 0 && grid_w() > 0;
}

void im2col(const ConvGeometry& geometry, const Scalar* image, MatrixRef cols) {
  AEKIT_ASSERT(cols.rows() == geometry.patch_size() && cols.cols() == geometry.positions());
  cols.setZero();
  for_each_tap(geometry, [&](Index row, Index pixel, Index column) {
    cols(row, column) = image[pixel];
  });
}

void col2im(const ConvGeometry& geometry, ConstMatrixRef cols, Scalar* image) {
  AEKIT_ASSERT(cols.rows() == geometry.patch_size() && cols.cols() == geometry.positions());
  std::fill_n(image, geometry.image.size(), Scalar(0));
  for_each_tap(geometry, [&](Index row, Index pixel, Index column) {
    image[pixel] += cols(row, column);
  });
}

}  // namespace aekit
