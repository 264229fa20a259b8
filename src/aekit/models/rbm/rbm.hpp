#pragma once
// A restricted Boltzmann machine: D visible units v, H hidden units h, energy
//   E(v, h) = E_v(v) - c h^T - v W^T h^T,   E_v = -b v^T (bernoulli) | ||v - b||^2 / 2 (gaussian)
// (plus h h^T / 2 for gaussian hidden units), weights W[H,D], visible biases b[1,D], hidden
// biases c[1,H]. The layers are conditionally independent given each other
// (rbm_units.hpp for each kind):
//   p(h | v): means f_h(v W^T + c)  [N,H]        p(v | h): means f_v(h W + b)  [N,D]
// Free energy F(v) = -log sum_h exp(-E(v, h)), up to a constant, per row:
//   F(v) = E_v(v) - sum_j softplus(x_j)   (bernoulli hidden)
//        = E_v(v) - sum_j x_j^2 / 2       (gaussian hidden),  x = v W^T + c
// so p(v) = exp(-F(v)) / Z. All methods write into the caller's buffers (no allocation) and
// are batched: one GEMM per layer pass.
#include <span>

#include "aekit/models/rbm/rbm_units.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct RbmShape {
  Index visible = 0, hidden = 0;  // D, H
  RbmUnits visible_units = RbmUnits::bernoulli, hidden_units = RbmUnits::bernoulli;
};

class Rbm {
 public:
  // All parameters zero; throws UsageError unless both sizes are >= 1.
  explicit Rbm(RbmShape shape);

  const RbmShape& shape() const { return shape_; }
  Index visible() const { return shape_.visible; }
  Index hidden() const { return shape_.hidden; }

  // The parameters as one block [W (H*D) | b (D) | c (H)] and views of its parts.
  std::span<Scalar> parameters() { return {values_.data(), std::size_t(values_.size())}; }
  std::span<const Scalar> parameters() const { return {values_.data(), std::size_t(values_.size())}; }
  MatrixMap weight() { return {values_.data(), hidden(), visible()}; }
  ConstMatrixMap weight() const { return {values_.data(), hidden(), visible()}; }
  MatrixMap visible_bias() { return {values_.data() + hidden() * visible(), 1, visible()}; }
  ConstMatrixMap visible_bias() const { return {values_.data() + hidden() * visible(), 1, visible()}; }
  MatrixMap hidden_bias() { return {values_.data() + (hidden() + 1) * visible(), 1, hidden()}; }
  ConstMatrixMap hidden_bias() const { return {values_.data() + (hidden() + 1) * visible(), 1, hidden()}; }

  // W ~ N(0, 0.01^2), biases 0 (Hinton's practical guide).
  void initialize(Rng& rng);

  // v[N,D] -> out[N,H] = f_h(v W^T + c), the hidden means.
  void hidden_means(ConstMatrixRef v, MatrixRef out) const;
  // h[N,H] -> out[N,D] = h W + b, the visible units' total input (logits when bernoulli).
  void visible_input(ConstMatrixRef h, MatrixRef out) const;
  // h[N,H] -> out[N,D] = f_v(h W + b), the visible means.
  void visible_means(ConstMatrixRef h, MatrixRef out) const;
  // v[N,D] -> free[N] = F(v); x[N,H] is scratch.
  void free_energy(ConstMatrixRef v, MatrixRef x, std::span<double> free) const;

 private:
  RbmShape shape_;
  Vector values_;
};

// log(1 + e^x), without overflow for large |x|.
double softplus(double x);

}  // namespace aekit::models
