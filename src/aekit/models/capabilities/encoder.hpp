#pragma once
// A model that maps data rows to codes: x[N,D] -> h[N,K] (an autoencoder's encoder, PCA's
// projection, a LASSO, PSD's fast encoder).
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class Encoder {
 public:
  virtual ~Encoder() = default;

  virtual Index code_size() const = 0;  // K
  // One code as a picture: a conv encoder's output [C, H, W], else {1, 1, K}.
  virtual Shape code_shape() const { return {1, 1, code_size()}; }
  // x[N,D] -> h[N,K], a view valid until the next encode.
  virtual ConstMatrixRef encode(ConstMatrixRef x) = 0;
  // The activation that makes the code, which says what its statistics mean: sigmoid codes
  // near 0 or 1 are near-binary, relu zeros are sparsity, tanh codes saturate at +-1.
  virtual Activation code_activation() const { return Activation::identity; }
};

}  // namespace aekit::models
