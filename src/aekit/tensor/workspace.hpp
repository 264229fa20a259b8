#pragma once
// A growable scratch buffer handing out [rows, cols] views.
//
// It reallocates only when a request exceeds every earlier one, so a training loop whose
// first batch is its largest allocates nothing after that batch (a smaller last batch reuses
// the same memory).
#include "aekit/error.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit {

class Workspace {
 public:
  MatrixMap view(Index rows, Index cols) {
    const Index needed = rows * cols;
    if (needed > storage_.size()) storage_.resize(needed);
    return MatrixMap(storage_.data(), rows, cols);
  }
  // A view of what an earlier view(rows, cols) call handed out (no growth).
  ConstMatrixMap view(Index rows, Index cols) const {
    AEKIT_ASSERT(rows * cols <= storage_.size());
    return ConstMatrixMap(storage_.data(), rows, cols);
  }

 private:
  Vector storage_;
};

}  // namespace aekit
