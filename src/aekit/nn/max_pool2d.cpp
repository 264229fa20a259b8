#include "aekit/nn/max_pool2d.hpp"

#include "aekit/error.hpp"

namespace aekit::nn {

ConstMatrixRef MaxPool2d::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rows_ = x.rows();
  const Shape in = geometry_.image, out = output_shape();
  const ConvKernel& k = geometry_.kernel;
  // Grows only past the largest batch so far (resize keeps the capacity).
  if (argmax_.size() < std::size_t(rows_ * out.size())) argmax_.resize(rows_ * out.size());
  MatrixMap y = output_.view(rows_, out.size());
  for (Index n = 0; n < rows_; ++n)
    for (Index c = 0; c < out.c; ++c)
      for (Index oh = 0; oh < out.h; ++oh)
        for (Index ow = 0; ow < out.w; ++ow) {
          Index best = (c * in.h + oh * k.stride) * in.w + ow * k.stride;
          for (Index i = 0; i < k.size; ++i)
            for (Index j = 0; j < k.size; ++j) {
              const Index at = (c * in.h + oh * k.stride + i) * in.w + ow * k.stride + j;
              if (x(n, at) > x(n, best)) best = at;
            }
          const Index o = (c * out.h + oh) * out.w + ow;
          y(n, o) = x(n, best);
          argmax_[n * out.size() + o] = best;
        }
  return y;
}

ConstMatrixRef MaxPool2d::backward(ConstMatrixRef dy) {
  const Index outputs = out_features();
  AEKIT_ASSERT(dy.rows() == rows_ && dy.cols() == outputs);
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(rows_, in_features());
  dx.setZero();
  for (Index n = 0; n < rows_; ++n)
    for (Index o = 0; o < outputs; ++o) dx(n, argmax_[n * outputs + o]) += dy(n, o);
  return dx;
}

}  // namespace aekit::nn
