#pragma once
// Decoder layer that reuses an encoder Dense's weights transposed (tied weights):
//   y[N,D] = f(h[N,H] W[H,D] + c[1,D])      W is the encoder's [H,D] weight, c our own bias.
//
// The weight is shared, so its gradient is the sum of both uses (lecture 004): this layer
// ACCUMULATES into the encoder's weight gradient
//   dW[H,D] += h^T dz      dc += sum_n dz      dh[N,H] = dz W^T      with dz = dy ⊙ f'(y).
#include "aekit/nn/dense.hpp"

namespace aekit::nn {

class TiedDense : public Layer {
 public:
  // `source` must outlive this layer and be bound before forward is called.
  TiedDense(Dense& source, Activation activation = Activation::identity);

  std::string kind() const override { return "tied_dense"; }
  Index in_features() const override { return source_.out_features(); }
  Index out_features() const override { return source_.in_features(); }
  nlohmann::json config() const override;

  std::vector<ParamSpec> param_specs() const override;
  void bind(std::span<Scalar> values, std::span<Scalar> grads) override;
  void initialize(Rng& rng) override;

  ConstMatrixRef forward(ConstMatrixRef h) override;
  ConstMatrixRef backward(ConstMatrixRef dy) override;

  const Dense& source() const { return source_; }  // whose W[H,D] this layer uses
  Activation activation() const { return activation_; }
  const MatrixMap& bias() const { return bias_; }  // c [1, D]

 private:
  Dense& source_;
  Activation activation_;
  MatrixMap bias_{nullptr, 0, 0}, bias_grad_{nullptr, 0, 0};  // [1, D]
  ConstStridedMap input_{nullptr, 0, 0, Eigen::OuterStride<>(0)};  // h of the last forward
  Workspace output_, pre_gradient_, input_gradient_;          // y, dz, dh
};

}  // namespace aekit::nn
