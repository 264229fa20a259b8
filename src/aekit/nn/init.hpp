#pragma once
// Weight initializers for a weight matrix W[H,D] (fan_in = D, fan_out = H).
//   glorot       U(-a, a), a = sqrt(6 / (fan_in + fan_out))     (Glorot & Bengio 2010)
//   he           N(0, 2 / fan_in)                                (He et al. 2015, for ReLU)
//   uniform:A    U(-A, A)                                        (lecture 003: uniform(0.01))
//   normal:S     N(0, S^2)                                       (DCGAN: normal:0.02)
//   torch        U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for W and b  (PyTorch nn.Linear default)
// Biases start at zero except for `torch`.
#include <string>
#include <string_view>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::nn {

struct Init {
  enum class Kind { glorot, he, uniform, normal, torch } kind = Kind::glorot;
  double scale = 0;  // A for uniform:A, S for normal:S

  static Init parse(std::string_view text);  // "glorot", "he", "uniform:0.01", "normal:0.02", "torch"
  std::string name() const;
  void fill_weight(MatrixMap weight, Rng& rng) const;  // weight is [fan_out, fan_in]
  void fill_bias(MatrixMap bias, Index fan_in, Rng& rng) const;
};

}  // namespace aekit::nn
