#pragma once
// Upsampling by an integer factor s, one image per row (channel-major C*H*W -> C*(sH)*(sW)),
// as PyTorch's nn.Upsample(scale_factor=s, mode, align_corners=False):
//   nearest    y[c, oy, ox] = x[c, oy / s, ox / s]
//   bilinear   each output coordinate t maps to the source coordinate
//                u = max((t + 0.5) / s - 0.5, 0),  lo = floor(u),  hi = min(lo + 1, extent - 1)
//              and y interpolates x at (u_y, u_x) from its 4 neighbours with weights
//              (1 - f, f), f = u - lo, along each axis.
// Both modes are the same separable map with per-axis taps (nearest: lo = hi, f = 0);
// backward is its adjoint: every dy entry is scattered back with the forward weights.
// The kernels are in tensor/upsample_kernels.hpp; the layer keeps their tap tables.
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/upsample_kernels.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class Upsample : public Layer {
 public:
  Upsample(Shape input, Index scale, UpsampleMode mode);

  std::string kind() const override { return "upsample"; }
  Index in_features() const override { return taps_.geometry.input.size(); }
  Index out_features() const override { return output_shape().size(); }
  nlohmann::json config() const override;

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  Shape output_shape() const { return taps_.geometry.output(); }

 private:
  UpsampleTaps taps_;
  Index rows_ = 0;
  Workspace output_, input_gradient_;
};

}  // namespace aekit::nn
