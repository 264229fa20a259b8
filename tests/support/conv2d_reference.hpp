#pragma once
// Direct 2-D convolution from its definition, no im2col (the reference Conv2d is tested
// against):
//   y[n, o, oh, ow] = b[o] + sum_{c,i,j} W[o, (c*k + i)*k + j] x[n, c, oh*s - p + i*d, ow*s - p + j*d]
// with taps outside the image contributing 0. x is [N, C*H*W], the result [N, O*OH*OW].
#include "aekit/tensor/im2col.hpp"

namespace aekit::test {

inline Matrix conv2d_reference(ConstMatrixRef x, const ConvGeometry& g, ConstMatrixRef weight,
                               ConstMatrixRef bias) {
  const Index out = weight.rows(), oh_count = g.grid_h(), ow_count = g.grid_w();
  const ConvKernel& k = g.kernel;
  Matrix y(x.rows(), out * oh_count * ow_count);
  for (Index n = 0; n < x.rows(); ++n)
    for (Index o = 0; o < out; ++o)
      for (Index oh = 0; oh < oh_count; ++oh)
        for (Index ow = 0; ow < ow_count; ++ow) {
          double sum = bias(0, o);
          for (Index c = 0; c < g.image.c; ++c)
            for (Index i = 0; i < k.size; ++i)
              for (Index j = 0; j < k.size; ++j) {
                const Index yy = oh * k.stride - k.padding + i * k.dilation;
                const Index xx = ow * k.stride - k.padding + j * k.dilation;
                if (yy < 0 || yy >= g.image.h || xx < 0 || xx >= g.image.w) continue;
                sum += double(weight(o, (c * k.size + i) * k.size + j)) *
                       x(n, (c * g.image.h + yy) * g.image.w + xx);
              }
          y(n, (o * oh_count + oh) * ow_count + ow) = Scalar(sum);
        }
  return y;
}

}  // namespace aekit::test
