#include "aekit/nn/max_pool2d.hpp"

#include "aekit/error.hpp"
#include "aekit/tensor/batch_parts.hpp"

namespace aekit::nn {
namespace {

// One sample, one output row at a time, tap by tap: each maximum starts at its window's
// first tap and moves to every later one that is larger (so the first maximum wins ties).
// Selects rather than branches (ReLU maps are random) over raw pointers, so it vectorizes;
// kStride is the stride when known at compile time (tensor/im2col.hpp's with_stride), else 0.
template <Index kStride>
void pool_sample(const ConvGeometry& g, const Scalar* __restrict x, Scalar* __restrict y,
                 std::int32_t* __restrict argmax) {
  const Index size = g.kernel.size, width = g.image.w;
  const Index stride = kStride > 0 ? kStride : g.kernel.stride;
  const Index oh_count = g.grid_h(), ow_count = g.grid_w();
  for (Index c = 0; c < g.image.c; ++c)
    for (Index oh = 0; oh < oh_count; ++oh, y += ow_count, argmax += ow_count) {
      const Index first = (c * g.image.h + oh * stride) * width;
      for (Index ow = 0; ow < ow_count; ++ow) {
        argmax[ow] = std::int32_t(first + ow * stride);
        y[ow] = x[argmax[ow]];
      }
      for (Index i = 0; i < size; ++i)
        for (Index j = i == 0 ? 1 : 0; j < size; ++j) {
          const Index tap = first + i * width + j;
          for (Index ow = 0; ow < ow_count; ++ow) {
            const Scalar v = x[tap + ow * stride];
            const bool greater = v > y[ow];
            y[ow] = greater ? v : y[ow];
            argmax[ow] = greater ? std::int32_t(tap + ow * stride) : argmax[ow];
          }
        }
    }
}

}  // namespace

MaxPool2d::MaxPool2d(Shape input, Index kernel, Index stride) : Pool2d(input, kernel, stride) {
  AEKIT_ASSERT(input.size() <= INT32_MAX);  // argmax_ holds 32-bit feature indices
}

ConstMatrixRef MaxPool2d::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rows_ = x.rows();
  const Shape in = geometry_.image, out = output_shape();
  // Grows only past the largest batch so far (resize keeps the capacity).
  if (argmax_.size() < std::size_t(rows_ * out.size())) argmax_.resize(rows_ * out.size());
  MatrixMap y = output_.view(rows_, out.size());
  for_each_item(rows_, double(in.size()), [&](Index n) {
    with_stride(geometry_.kernel.stride, [&]<Index S>() {
      pool_sample<S>(geometry_, x.row(n).data(), y.row(n).data(), argmax_.data() + n * out.size());
    });
  });
  return y;
}

ConstMatrixRef MaxPool2d::backward(ConstMatrixRef dy) {
  const Index outputs = out_features();
  AEKIT_ASSERT(dy.rows() == rows_ && dy.cols() == outputs);
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(rows_, in_features());
  for_each_item(rows_, double(in_features()), [&](Index n) {
    dx.row(n).setZero();
    const std::int32_t* argmax = argmax_.data() + n * outputs;
    const Scalar* dyn = dy.row(n).data();
    Scalar* dxn = dx.row(n).data();
    for (Index o = 0; o < outputs; ++o) dxn[argmax[o]] += dyn[o];
  });
  return dx;
}

}  // namespace aekit::nn
