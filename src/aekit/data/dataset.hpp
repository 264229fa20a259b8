#pragma once
// A data set in memory, and loading one from the text that names it (see dataset_spec.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::data {

struct Dataset {
  FloatMatrix x;            // [N, D], values as stored (Fashion-MNIST: 0..255); all finite
  std::vector<int> labels;  // N class indices, or empty if the data set has none
  Shape shape;              // of one row: {1,28,28} for Fashion-MNIST, {1,1,D} when unknown
  std::string name;         // the file, or "fashion-mnist:train": for messages and reports
};

// Loads `spec`, e.g. "fashion-mnist:test?limit=1000", "npy:x.npy", "y.csv?label_column=-1".
// Throws aekit::UsageError for a spec that names no valid source, and aekit::Error for a
// file that is missing or damaged, data with no rows, NaN or Inf, or labels whose count
// differs from the rows'.
Dataset load_dataset(const std::string& spec);

// Gives the rows the shape `shape` (the data option ?shape=, train's --shape); UsageError
// when C*H*W differs from the number of values per row.
void set_row_shape(Dataset& data, Shape shape);

// Throws aekit::Error naming the first non-finite value (row and column counted from 0):
// "data 'x.npy' has NaN at row 3, column 17 (counting from 0); aekit needs finite values".
void check_finite(const FloatMatrix& x, std::string_view name);

}  // namespace aekit::data
