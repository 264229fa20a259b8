#pragma once
// A model that gives back its input: x[N,D] -> x^[N,D] (encode then decode, or any other
// way). When its outputs are sigmoids of logits it can hand out, x^ = sigmoid(z), the
// binary cross-entropy is computed exactly from z (eval's reconstruction metrics).
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class Reconstructor {
 public:
  virtual ~Reconstructor() = default;

  // x[N,D] -> x^[N,D], a view valid until the next reconstruct.
  virtual ConstMatrixRef reconstruct(ConstMatrixRef x) = 0;

  // Whether x^ = sigmoid(z) with z from reconstruction_logits.
  virtual bool has_sigmoid_logits() const { return false; }
  // Only when has_sigmoid_logits(); both throw aekit::Error otherwise.
  //   reconstruction_logits  x[N,D] -> z[N,D], a view valid until the next call
  //   output_from_logits     z[N,D] -> x^ = sigmoid(z), a view valid until the next call
  virtual ConstMatrixRef reconstruction_logits(ConstMatrixRef x);
  virtual ConstMatrixRef output_from_logits(ConstMatrixRef z);
};

}  // namespace aekit::models
