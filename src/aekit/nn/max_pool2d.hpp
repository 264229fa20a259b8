#pragma once
// 2-D max pooling, one image per row (channel-major C*H*W), no padding:
//   y[n, c, oh, ow] = max_{0<=i,j<k} x[n, c, oh*stride + i, ow*stride + j]
//   OH = (H - k) / stride + 1   (OW likewise), as PyTorch's nn.MaxPool2d(k, stride).
// Forward records where each maximum came from (the first one on ties); backward routes
// dy there:  dx[n, argmax[n, o]] += dy[n, o], and 0 elsewhere.
#include <vector>

#include "aekit/nn/layer.hpp"
#include "aekit/tensor/im2col.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::nn {

class MaxPool2d : public Layer {
 public:
  MaxPool2d(Shape input, Index kernel, Index stride);

  std::string kind() const override { return "max_pool2d"; }
  Index in_features() const override { return geometry_.image.size(); }
  Index out_features() const override { return output_shape().size(); }
  nlohmann::json config() const override;

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  Shape output_shape() const { return {geometry_.image.c, geometry_.grid_h(), geometry_.grid_w()}; }

 private:
  ConvGeometry geometry_;  // input image; kernel with padding 0, dilation 1
  Index rows_ = 0;
  std::vector<Index> argmax_;  // [N * out_features]: input feature of each maximum
  Workspace output_, input_gradient_;
};

}  // namespace aekit::nn
