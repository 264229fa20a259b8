#pragma once
// What every 2-D pooling layer shares (max_pool2d.hpp, avg_pool2d.hpp): one image per row
// (channel-major C*H*W), k x k windows every `stride` pixels, no padding, so
//   OH = (H - k) / stride + 1   (OW likewise), as PyTorch's pooling layers;
// the channels pass through. Subclasses give kind(), forward() and backward(), which call the
// pooling kernels (tensor/pool_kernels.hpp).
#include "aekit/error.hpp"
#include "aekit/nn/conv_config.hpp"
#include "aekit/nn/layer.hpp"
#include "aekit/tensor/im2col.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class Pool2d : public Layer {
 public:
  Index in_features() const override { return geometry_.image.size(); }
  Index out_features() const override { return output_shape().size(); }
  nlohmann::json config() const override {
    return conv_config(kind(), geometry_.image, geometry_.kernel);
  }
  Shape output_shape() const { return {geometry_.image.c, geometry_.grid_h(), geometry_.grid_w()}; }

 protected:
  Pool2d(Shape input, Index kernel, Index stride) : geometry_{input, {kernel, stride, 0, 1}} {
    AEKIT_ASSERT(geometry_.valid());
  }

  ConvGeometry geometry_;  // input image; kernel with padding 0, dilation 1
  Index rows_ = 0;         // of the last forward
  Workspace output_, input_gradient_;
};

}  // namespace aekit::nn
