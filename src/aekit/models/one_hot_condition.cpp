#include "aekit/models/one_hot_condition.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::models {

ConstMatrixRef join_one_hot(ConstMatrixRef a, std::span<const std::int32_t> labels, Index classes, Index repeat,
                            std::string_view model, Workspace& buffer) {
  if (Index(labels.size()) != a.rows())
    throw Error(fmt::format("a conditional {} needs a class label per row: found {} labels for {} rows", model,
                            labels.size(), a.rows()));
  MatrixMap joined = buffer.view(a.rows(), a.cols() + classes * repeat);
  joined.leftCols(a.cols()) = a;
  joined.rightCols(classes * repeat).setZero();
  for (Index n = 0; n < a.rows(); ++n) {
    const std::int32_t y = labels[std::size_t(n)];
    if (y < 0 || y >= classes)
      throw Error(fmt::format("label {} of row {}: the conditional {} knows classes 0 to {}", y, n, model, classes - 1));
    joined.row(n).segment(a.cols() + y * repeat, repeat).setOnes();
  }
  return joined;
}

void class_major_labels(Index n, Index classes, std::vector<std::int32_t>& labels) {
  labels.resize(std::size_t(n));
  for (Index i = 0; i < n; ++i) labels[std::size_t(i)] = std::int32_t(i * classes / n);
}

}  // namespace aekit::models
