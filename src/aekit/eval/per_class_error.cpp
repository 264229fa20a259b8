#include "aekit/eval/per_class_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit::eval {

std::vector<ClassError> per_class_mse(models::Reconstructor& model, const FloatMatrix& x,
                                      std::span<const int> labels) {
  if (x.rows() == 0) throw Error("per-class error: the data has no rows");
  if (Index(labels.size()) != x.rows())
    throw Error(fmt::format("per-class error: expected one label per row ({}), found {}",
                            x.rows(), labels.size()));
  const int low = *std::min_element(labels.begin(), labels.end());
  if (low < 0) throw Error(fmt::format("per-class error: labels must be >= 0, found {}", low));
  const int classes = *std::max_element(labels.begin(), labels.end()) + 1;
  std::vector<double> squared(static_cast<std::size_t>(classes), 0.0);  // sum of ||r(x_n) - x_n||^2 per class
  std::vector<ClassError> errors(static_cast<std::size_t>(classes));
  constexpr Index kChunk = 1024;
  for (Index begin = 0; begin < x.rows(); begin += kChunk) {
    const Index rows = std::min(kChunk, x.rows() - begin);
    const Matrix chunk = x.middleRows(begin, rows).cast<Scalar>();
    const ConstMatrixRef reconstruction = model.reconstruct(chunk);
    for (Index n = 0; n < rows; ++n) {
      const auto c = std::size_t(labels[std::size_t(begin + n)]);
      squared[c] += double((reconstruction.row(n) - chunk.row(n)).squaredNorm());
      ++errors[c].rows;
    }
  }
  for (std::size_t c = 0; c < errors.size(); ++c)
    errors[c].mse = errors[c].rows > 0 ? squared[c] / double(errors[c].rows * x.cols()) : std::nan("");
  return errors;
}

}  // namespace aekit::eval
