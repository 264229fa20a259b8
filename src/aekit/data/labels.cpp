#include "aekit/data/labels.hpp"

#include <fmt/format.h>

#include <climits>
#include <cmath>

#include "aekit/data/csv.hpp"
#include "aekit/data/idx.hpp"
#include "aekit/data/npy.hpp"
#include "aekit/error.hpp"

namespace aekit::data {
namespace {

std::vector<int> labels_from_column(const FloatMatrix& x, const std::filesystem::path& path) {
  if (x.cols() != 1)
    throw Error(fmt::format("labels '{}' has {} columns, expected one label per row",
                            path.string(), x.cols()));
  return labels_from_values(x.data(), static_cast<std::size_t>(x.rows()), path.string());
}

}  // namespace

std::vector<int> labels_from_values(const float* values, std::size_t count,
                                    std::string_view source) {
  std::vector<int> labels(count);
  for (std::size_t i = 0; i < count; ++i) {
    const float v = values[i];
    if (!(v == std::floor(v) && v >= static_cast<float>(INT_MIN) &&
          v < static_cast<float>(INT_MAX)))
      throw Error(fmt::format(
          "labels '{}' has {} at row {}; expected whole numbers (class indices)", source, v, i));
    labels[i] = static_cast<int>(v);
  }
  return labels;
}

std::vector<int> read_labels(const std::filesystem::path& path) {
  const auto ext = path.extension();
  const auto stem_ext = path.stem().extension();  // "y.npy.gz" -> ".npy"
  if (ext == ".npy" || stem_ext == ".npy") return labels_from_column(read_npy(path).x, path);
  if (ext == ".csv" || stem_ext == ".csv") return labels_from_column(read_csv(path).x, path);
  return read_idx_labels(path);
}

}  // namespace aekit::data
