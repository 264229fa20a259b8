#include "aekit/models/classifier/classification_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"
#include "aekit/loss/softmax_cross_entropy.hpp"

namespace aekit::models {

nlohmann::json ClassificationMetrics::to_json() const {
  nlohmann::json matrix = nullptr;
  if (!confusion.empty()) {
    matrix = nlohmann::json::array();
    for (Index t = 0; t < classes; ++t)
      matrix.push_back(std::vector<std::int64_t>(confusion.begin() + t * classes,
                                                 confusion.begin() + (t + 1) * classes));
  }
  return {{"n", n}, {"classes", classes}, {"cross_entropy", cross_entropy},
          {"accuracy", accuracy}, {"confusion", matrix}};
}

ClassificationMetrics measure_classification(Classifier& model, ConstMatrixRef x,
                                             std::span<const int> labels, bool confusion, Index chunk) {
  if (Index(labels.size()) != x.rows())
    throw Error(fmt::format("classification: expected one label per row ({}), found {}", x.rows(),
                            labels.size()));
  ClassificationMetrics m;
  m.n = x.rows();
  m.classes = model.class_count();
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] < 0 || labels[i] >= m.classes)
      throw Error(fmt::format("classification: label {} of row {} is not one of the model's classes 0..{}",
                              labels[i], i, m.classes - 1));
  if (confusion) m.confusion.assign(std::size_t(m.classes * m.classes), 0);
  double loss_sum = 0;
  Index correct = 0;
  for (Index begin = 0; begin < m.n; begin += chunk) {
    const Index rows = std::min(chunk, m.n - begin);
    const auto y = labels.subspan(std::size_t(begin), std::size_t(rows));
    ConstMatrixRef z = model.class_scores(x.middleRows(begin, rows));
    loss_sum += loss::softmax_cross_entropy(z, y) * double(rows);
    for (Index r = 0; r < rows; ++r) {
      Index predicted = 0;
      z.row(r).maxCoeff(&predicted);
      correct += predicted == y[std::size_t(r)];
      if (confusion) ++m.confusion[std::size_t(y[std::size_t(r)] * m.classes + predicted)];
    }
  }
  m.cross_entropy = m.n > 0 ? loss_sum / double(m.n) : std::nan("");
  m.accuracy = m.n > 0 ? double(correct) / double(m.n) : std::nan("");
  return m;
}

}  // namespace aekit::models
