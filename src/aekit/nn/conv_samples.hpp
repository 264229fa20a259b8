#pragma once
// What Conv2d and ConvTranspose2d share around their per-sample GEMMs: the batch cut into
// parts that the threads take in turn (tensor/batch_parts.hpp), each thread's scratch (one
// patch matrix cols [C*k*k, P] and one dz row, small enough to stay in cache), each part's
// weight and bias gradient sums, and the bias and activation fused on either side.
// The work of one pass is N |W| P multiply-adds (P: the positions of the patch grid).
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/batch_parts.hpp"
#include "aekit/tensor/channel_bias.hpp"

namespace aekit::nn {

class ConvSamples {
 public:
  // y[n] = f(z[n] + b) for every sample n, where linear(n, cols) writes z[n] into row n of y,
  // cols [patch, positions] being the calling thread's scratch.
  template <typename Linear>
  void forward(MatrixMap y, Activation f, ConstMatrixRef bias, Index weights, Index patch,
               Index positions, Linear linear) {
    const BatchParts parts = BatchParts::split(y.rows(), work(y.rows(), weights, positions));
    columns_.reserve(parts.workers(), patch, positions);
    parts.run([&](Index, Index worker, Index begin, Index end) {
      MatrixMap cols = columns_.block(worker);
      for (Index n = begin; n < end; ++n) {
        linear(n, cols);
        add_channel_bias_and_activate(f, y.middleRows(n, 1), bias);
      }
    });
  }

  // For every sample n: dz = dy[n] ⊙ f'(y[n]) and db += its channel sums, then
  // gradient(n, dz, cols, dw) adds sample n's weight gradient to dw (its part's sum) and
  // writes dx[n]. grads: the layer's weight gradient [rows, cols], its bias gradient
  // [1, bias_size] right after it.
  template <typename Gradient>
  void backward(ConstMatrixRef y, ConstMatrixRef dy, Activation f, MatrixMap grads,
                Index bias_size, Index patch, Index positions, Gradient gradient) {
    const double both = 2 * work(y.rows(), grads.size(), positions);  // dW and dx
    const BatchParts parts = BatchParts::split(y.rows(), both);
    pre_gradient_.reserve(parts.workers(), 1, y.cols());
    columns_.reserve(parts.workers(), patch, positions);
    sums_.reset(parts, grads.data(), grads.size() + bias_size);
    parts.run([&](Index part, Index worker, Index begin, Index end) {
      Scalar* sums = sums_.part(part);
      MatrixMap dw(sums, grads.rows(), grads.cols()), db(sums + grads.size(), 1, bias_size);
      MatrixMap cols = columns_.block(worker), dz = pre_gradient_.block(worker);
      for (Index n = begin; n < end; ++n) {
        channel_bias_and_activation_gradient(f, y.middleRows(n, 1), dy.middleRows(n, 1), dz, db);
        gradient(n, static_cast<const Scalar*>(dz.data()), cols, dw);
      }
    });
    sums_.reduce();
  }

 private:
  static double work(Index rows, Index weights, Index positions) {
    return double(rows) * double(weights) * double(positions);
  }

  WorkerScratch columns_;       // [patch, positions]: each thread's cols
  WorkerScratch pre_gradient_;  // [1, y.cols()]: each thread's dz
  PartialSums sums_;            // dW and db of each part
};

}  // namespace aekit::nn
