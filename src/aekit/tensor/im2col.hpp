#pragma once
// im2col / col2im: the patch matrix that turns a 2-D convolution into one GEMM per sample.
//
// An image [C, Hh, Ww] (one sample, channel-major) is cut into k x k patches whose taps lie
// `dilation` apart, one patch at every stride-th position of the zero-padded image. The
// patch grid has
//   OH = (Hh + 2 padding - dilation (k - 1) - 1) / stride + 1        (OW likewise)
// positions, and im2col writes the patch matrix cols[C*k*k, OH*OW]:
//   cols[(c*k + i)*k + j, oh*OW + ow] = image[c, oh*stride - padding + i*dilation,
//                                               ow*stride - padding + j*dilation]
// (0 where that falls into the padding). The row order (c, i, j) is PyTorch's weight layout
// [out, C, k, k] flattened, so a convolution is  y[out, OH*OW] = W[out, C*k*k] cols.
// col2im is the adjoint map: image = sum of every cols entry over the pixel it came from.
#include "aekit/tensor/matrix.hpp"

namespace aekit {

struct ConvKernel {
  Index size = 3, stride = 1, padding = 0, dilation = 1;
  bool operator==(const ConvKernel&) const = default;
};

struct ConvGeometry {
  Shape image;        // the [C, Hh, Ww] side
  ConvKernel kernel;

  Index grid_h() const { return grid(image.h); }  // OH
  Index grid_w() const { return grid(image.w); }  // OW
  Index positions() const { return grid_h() * grid_w(); }
  Index patch_size() const { return image.c * kernel.size * kernel.size; }  // C*k*k
  bool valid() const;  // positive sizes and a non-empty grid

 private:
  Index grid(Index extent) const {
    return (extent + 2 * kernel.padding - kernel.dilation * (kernel.size - 1) - 1) /
               kernel.stride + 1;
  }
};

// Calls kernel.template operator()<S>() with S = stride when stride is 1 or 2 and S = 0
// (meaning: use the run-time stride) otherwise, so that loops over the common strides
// compile to contiguous loads or a fixed shuffle instead of gathers.
template <typename Kernel>
void with_stride(Index stride, Kernel&& kernel) {
  if (stride == 1)
    kernel.template operator()<1>();
  else if (stride == 2)
    kernel.template operator()<2>();
  else
    kernel.template operator()<0>();
}

// cols[C*k*k, OH*OW] = the patches of image[C*Hh*Ww]. cols may be a block of a wider matrix.
// Copies runs of a grid row at a time (contiguous when stride is 1), padding filled with 0.
void im2col(const ConvGeometry& geometry, const Scalar* image, MatrixRef cols);
// image[C*Hh*Ww] = col2im(cols[C*k*k, OH*OW])  (overwrites image). Each pixel sums its
// entries in the reference's order, so the two agree exactly.
void col2im(const ConvGeometry& geometry, ConstMatrixRef cols, Scalar* image);

// The same maps one entry at a time, with a bounds test per entry: the references the
// tests hold the fast kernels to.
void im2col_reference(const ConvGeometry& geometry, const Scalar* image, MatrixRef cols);
void col2im_reference(const ConvGeometry& geometry, ConstMatrixRef cols, Scalar* image);

}  // namespace aekit
