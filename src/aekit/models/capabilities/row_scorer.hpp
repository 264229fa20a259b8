#pragma once
// A model that gives one number per data row, e.g. an anomaly score (an RBM's free energy,
// a VAE's negative ELBO).
#include <string>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class RowScorer {
 public:
  virtual ~RowScorer() = default;

  // What the score is, e.g. "free_energy"; a column name for tables and files.
  virtual std::string score_name() const = 0;
  // x[N,D] -> s[N], one score per row.
  virtual Vector score_rows(ConstMatrixRef x) = 0;
};

}  // namespace aekit::models
