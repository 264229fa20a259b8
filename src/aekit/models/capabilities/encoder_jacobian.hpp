#pragma once
// An encoder f whose Jacobian J_f(x) [K,D] can be measured (an mlp autoencoder,
// models/autoencoder/jacobian.hpp): how much it stretches its input.
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class EncoderJacobian {
 public:
  virtual ~EncoderJacobian() = default;

  // Mean of ||J_f(x_n)||_F over the rows of x[N,D].
  virtual double mean_jacobian_norm(ConstMatrixRef x) = 0;
};

}  // namespace aekit::models
