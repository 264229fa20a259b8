#pragma once
// A model whose code units each keep a known share of the data's variance (PCA:
// lambda_j / trace(C), largest first), for the cumulative explained-variance figure.
#include <Eigen/Core>

namespace aekit::models {

class ExplainedVariance {
 public:
  virtual ~ExplainedVariance() = default;

  // [K], in code-unit order.
  virtual Eigen::VectorXd explained_variance_ratio() const = 0;
};

}  // namespace aekit::models
