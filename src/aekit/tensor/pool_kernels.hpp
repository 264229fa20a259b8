#pragma once
// 2-D max and average pooling of a batch: x[N, C*H*W] -> y[N, C*OH*OW], one image per row
// (channel-major), k x k windows every `stride` pixels, no padding, so with a ConvGeometry
// of padding 0 and dilation 1 (tensor/im2col.hpp)
//   OH = (H - k) / stride + 1   (OW likewise), as PyTorch's nn.MaxPool2d / nn.AvgPool2d.
// Write W(o) for the k^2 input features of output feature o = (c, oh, ow), taps in (i, j)
// order: x[c, oh*stride + i, ow*stride + j].
//
//   max:  y[n, o] = max_{t in W(o)} x[n, t]      argmax[n, o] = the first such t (ties)
//         dx[n, t] = sum_{o : argmax[n, o] = t} dy[n, o]
//   avg:  y[n, o] = sum_{t in W(o)} x[n, t] / k^2
//         dx[n, t] = sum_{o : t in W(o)} dy[n, o] / k^2
// Rounding, as the layers have always computed it: with s = 1/k^2 rounded to Scalar, the
// forward adds the rounded products s x one at a time; the backward adds each term s dy with
// multiply_add (tensor/multiply_add.hpp: fused where the target has FMA). The file is compiled
// without implicit fusing (-ffp-contract=off), so that is all the rounding there is.
//
// Threads: each kernel takes the whole batch and splits its samples over the threads
// itself (for_each_item, tensor/batch_parts.hpp), so a layer makes one call per pass, as it
// would launch one device kernel. A sample is computed by one thread, in an order that does
// not depend on the split, so the results are the same bits whatever the thread count.
// The references run the formulas above one output at a time on the calling thread; the
// fast kernels round alike and add in the same order (every sum starts at 0 and takes its
// terms in (o, i, j) order), so the two agree exactly.
#include <cstdint>

#include "aekit/tensor/im2col.hpp"

namespace aekit {

// [N, C*OH*OW]: the input feature each maximum came from (32 bits: as wide as a float lane,
// so the selects vectorize, and half the memory traffic of Index).
using ArgmaxMatrix = Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ArgmaxMap = Eigen::Map<ArgmaxMatrix>;
using ConstArgmaxMap = Eigen::Map<const ArgmaxMatrix>;
using ArgmaxRef = Eigen::Ref<ArgmaxMatrix>;
using ConstArgmaxRef = Eigen::Ref<const ArgmaxMatrix>;

// y and argmax of every window (see above).
void max_pool_forward(const ConvGeometry& geometry, ConstMatrixRef x, MatrixRef y,
                      ArgmaxRef argmax);
// dx = dy routed to where each maximum came from (overwrites dx).
void max_pool_backward(const ConvGeometry& geometry, ConstArgmaxRef argmax, ConstMatrixRef dy,
                       MatrixRef dx);
// y = the windows' means.
void avg_pool_forward(const ConvGeometry& geometry, ConstMatrixRef x, MatrixRef y);
// dx = dy spread evenly over each window (overwrites dx).
void avg_pool_backward(const ConvGeometry& geometry, ConstMatrixRef dy, MatrixRef dx);

// The references. max_pool_backward_reference finds each window's first maximum in x again
// rather than reading an argmax, so it checks the routing as well as the scatter.
void max_pool_forward_reference(const ConvGeometry& geometry, ConstMatrixRef x, MatrixRef y,
                                ArgmaxRef argmax);
void max_pool_backward_reference(const ConvGeometry& geometry, ConstMatrixRef x,
                                 ConstMatrixRef dy, MatrixRef dx);
void avg_pool_forward_reference(const ConvGeometry& geometry, ConstMatrixRef x, MatrixRef y);
void avg_pool_backward_reference(const ConvGeometry& geometry, ConstMatrixRef dy, MatrixRef dx);

}  // namespace aekit
