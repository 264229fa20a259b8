#pragma once
// 2-D average pooling, one image per row (channel-major C*H*W), no padding:
//   y[n, c, oh, ow] = 1/k^2 sum_{0<=i,j<k} x[n, c, oh*stride + i, ow*stride + j]
//   OH = (H - k) / stride + 1   (OW likewise), as PyTorch's nn.AvgPool2d(k, stride).
// Backward spreads each dy evenly over its window: dx[.., oh*s + i, ow*s + j] += dy / k^2
// (tensor/pool_kernels.hpp).
#include "aekit/nn/pool2d.hpp"

namespace aekit::nn {

class AvgPool2d : public Pool2d {
 public:
  AvgPool2d(Shape input, Index kernel, Index stride) : Pool2d(input, kernel, stride) {}

  std::string kind() const override { return "avg_pool2d"; }

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;
};

}  // namespace aekit::nn
