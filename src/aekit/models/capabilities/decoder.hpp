#pragma once
// A model that maps codes back to data rows: h[N,K] -> x^[N,D].
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class Decoder {
 public:
  virtual ~Decoder() = default;

  virtual Index code_size() const = 0;  // K, the width of the codes it takes
  // h[N,K] -> x^[N,D], a view valid until the next decode.
  virtual ConstMatrixRef decode(ConstMatrixRef codes) = 0;
};

}  // namespace aekit::models
