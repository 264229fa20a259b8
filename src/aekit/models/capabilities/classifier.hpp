#pragma once
// A model that assigns data rows to classes: x[N,D] -> class scores (logits) z[N,C], whose
// softmax gives the class probabilities and whose argmax is the predicted class (a softmax
// head on an encoder).
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class Classifier {
 public:
  virtual ~Classifier() = default;

  virtual Index class_count() const = 0;  // C
  // x[N,D] -> z[N,C], a view valid until the next call.
  virtual ConstMatrixRef class_scores(ConstMatrixRef x) = 0;
};

}  // namespace aekit::models
