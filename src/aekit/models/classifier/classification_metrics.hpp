#pragma once
// How well a classifier (models/capabilities/classifier.hpp) labels rows x[N,D] with true
// classes y[N]: the mean softmax cross-entropy of its scores (nats), the accuracy (share of
// rows whose highest score is the true class) and, when asked, the confusion matrix
//   confusion[t * C + p] = rows of true class t predicted as p        [C, C], row-major
// Scores are computed in chunks of `chunk` rows.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "aekit/models/capabilities/classifier.hpp"

namespace aekit::models {

struct ClassificationMetrics {
  Index n = 0, classes = 0;
  double cross_entropy = 0, accuracy = 0;  // NaN when n = 0
  std::vector<std::int64_t> confusion;     // empty unless asked for

  // {"n", "classes", "cross_entropy", "accuracy", "confusion": [[...], ...] or null}
  nlohmann::json to_json() const;
};

// Throws aekit::Error when labels.size() != x.rows() or a label is not a class in [0, C).
ClassificationMetrics measure_classification(Classifier& model, ConstMatrixRef x,
                                             std::span<const int> labels, bool confusion,
                                             Index chunk = 1024);

}  // namespace aekit::models
