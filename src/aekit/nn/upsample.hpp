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
// The samples of a batch run in parallel (for_each_item, tensor/batch_parts.hpp).
#include <vector>

#include "aekit/nn/layer.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

enum class UpsampleMode { nearest, bilinear };

class Upsample : public Layer {
 public:
  Upsample(Shape input, Index scale, UpsampleMode mode);

  std::string kind() const override { return "upsample"; }
  Index in_features() const override { return input_.size(); }
  Index out_features() const override { return output_shape().size(); }
  nlohmann::json config() const override;

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  Shape output_shape() const { return {input_.c, input_.h * scale_, input_.w * scale_}; }

 private:
  struct Tap {
    Index lo, hi;  // source pixels
    Scalar f;      // weight of hi (lo gets 1 - f)
  };
  std::vector<Tap> axis_taps(Index extent) const;  // one per output coordinate
  // Calls visit(out, in, weight) for every (output feature, input feature) pair of a sample.
  template <typename Visit>
  void for_each_weight(Visit visit) const;

  Shape input_;
  Index scale_;
  UpsampleMode mode_;
  std::vector<Tap> row_taps_, column_taps_;
  Index rows_ = 0;
  Workspace output_, input_gradient_;
};

}  // namespace aekit::nn
