#pragma once
// 2-D max pooling, one image per row (channel-major C*H*W), no padding:
//   y[n, c, oh, ow] = max_{0<=i,j<k} x[n, c, oh*stride + i, ow*stride + j]
//   OH = (H - k) / stride + 1   (OW likewise), as PyTorch's nn.MaxPool2d(k, stride).
// Forward records where each maximum came from (the first one on ties); backward routes
// dy there:  dx[n, argmax[n, o]] += dy[n, o], and 0 elsewhere (tensor/pool_kernels.hpp).
#include <cstdint>
#include <vector>

#include "aekit/nn/pool2d.hpp"

namespace aekit::nn {

class MaxPool2d : public Pool2d {
 public:
  MaxPool2d(Shape input, Index kernel, Index stride);

  std::string kind() const override { return "max_pool2d"; }

  ConstMatrixRef forward(ConstMatrixRef x) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

 private:
  std::vector<std::int32_t> argmax_;  // [N * out_features]: an ArgmaxMap's storage
};

}  // namespace aekit::nn
