#include "aekit/nn/avg_pool2d.hpp"

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/tensor/batch_parts.hpp"

namespace aekit::nn {

template <typename Visit>
void AvgPool2d::for_each_tap(Visit visit) const {
  const Shape in = geometry_.image, out = output_shape();
  const ConvKernel& k = geometry_.kernel;
  for (Index c = 0; c < out.c; ++c)
    for (Index oh = 0; oh < out.h; ++oh)
      for (Index ow = 0; ow < out.w; ++ow)
        for (Index i = 0; i < k.size; ++i)
          for (Index j = 0; j < k.size; ++j)
            visit((c * in.h + oh * k.stride + i) * in.w + ow * k.stride + j,
                  (c * out.h + oh) * out.w + ow);
}

ConstMatrixRef AvgPool2d::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rows_ = x.rows();
  MatrixMap y = output_.view(rows_, out_features());
  const Scalar scale = Scalar(1) / Scalar(geometry_.kernel.size * geometry_.kernel.size);
  for_each_item(rows_, double(in_features()), [&](Index n) {
    const Scalar* xn = x.row(n).data();
    Scalar* yn = y.row(n).data();
    std::fill_n(yn, y.cols(), Scalar(0));
    for_each_tap([&](Index in, Index out) { yn[out] += scale * xn[in]; });
  });
  return y;
}

ConstMatrixRef AvgPool2d::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.rows() == rows_ && dy.cols() == out_features());
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(rows_, in_features());
  const Scalar scale = Scalar(1) / Scalar(geometry_.kernel.size * geometry_.kernel.size);
  for_each_item(rows_, double(in_features()), [&](Index n) {
    const Scalar* dyn = dy.row(n).data();
    Scalar* dxn = dx.row(n).data();
    std::fill_n(dxn, dx.cols(), Scalar(0));
    for_each_tap([&](Index in, Index out) { dxn[in] += scale * dyn[out]; });
  });
  return dx;
}

}  // namespace aekit::nn
