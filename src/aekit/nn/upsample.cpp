#include "aekit/nn/upsample.hpp"

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/nn/conv_config.hpp"
#include "aekit/tensor/batch_parts.hpp"

namespace aekit::nn {

Upsample::Upsample(Shape input, Index scale, UpsampleMode mode)
    : input_(input), scale_(scale), mode_(mode) {
  AEKIT_ASSERT(input.c > 0 && input.h > 0 && input.w > 0 && scale > 0);
  row_taps_ = axis_taps(input.h);
  column_taps_ = axis_taps(input.w);
}

nlohmann::json Upsample::config() const {
  return {{"kind", kind()}, {"input", shape_json(input_)}, {"scale", scale_},
          {"mode", mode_ == UpsampleMode::nearest ? "nearest" : "bilinear"}};
}

std::vector<Upsample::Tap> Upsample::axis_taps(Index extent) const {
  std::vector<Tap> taps;
  for (Index t = 0; t < extent * scale_; ++t) {
    if (mode_ == UpsampleMode::nearest) {
      taps.push_back({t / scale_, t / scale_, 0});
      continue;
    }
    const double u = std::max((t + 0.5) / double(scale_) - 0.5, 0.0);
    const Index lo = Index(u);
    taps.push_back({lo, std::min(lo + 1, extent - 1), Scalar(u - double(lo))});
  }
  return taps;
}

template <typename Visit>
void Upsample::for_each_weight(Visit visit) const {
  const Shape out = output_shape();
  for (Index c = 0; c < out.c; ++c)
    for (Index oy = 0; oy < out.h; ++oy) {
      const Tap& r = row_taps_[oy];
      const Index lo_row = (c * input_.h + r.lo) * input_.w, hi_row = (c * input_.h + r.hi) * input_.w;
      for (Index ox = 0; ox < out.w; ++ox) {
        const Tap& k = column_taps_[ox];
        const Index o = (c * out.h + oy) * out.w + ox;
        visit(o, lo_row + k.lo, (1 - r.f) * (1 - k.f));
        visit(o, lo_row + k.hi, (1 - r.f) * k.f);
        visit(o, hi_row + k.lo, r.f * (1 - k.f));
        visit(o, hi_row + k.hi, r.f * k.f);
      }
    }
}

ConstMatrixRef Upsample::forward(ConstMatrixRef x) {
  AEKIT_ASSERT(x.cols() == in_features());
  rows_ = x.rows();
  MatrixMap y = output_.view(rows_, out_features());
  for_each_item(rows_, 4.0 * double(out_features()), [&](Index n) {
    y.row(n).setZero();
    for_each_weight([&](Index o, Index i, Scalar weight) { y(n, o) += weight * x(n, i); });
  });
  return y;
}

ConstMatrixRef Upsample::backward(ConstMatrixRef dy) {
  AEKIT_ASSERT(dy.rows() == rows_ && dy.cols() == out_features());
  if (!input_gradient()) return MatrixMap(nullptr, 0, 0);
  MatrixMap dx = input_gradient_.view(rows_, in_features());
  for_each_item(rows_, 4.0 * double(out_features()), [&](Index n) {
    dx.row(n).setZero();
    for_each_weight([&](Index o, Index i, Scalar weight) { dx(n, i) += weight * dy(n, o); });
  });
  return dx;
}

}  // namespace aekit::nn
