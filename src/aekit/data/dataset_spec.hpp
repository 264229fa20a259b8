#pragma once
// Parsing the text that names a data set on the command line or in a config.
//
//   fashion-mnist:train   fashion-mnist:test        the named set (see fashion_mnist.hpp)
//   idx:PATH  npy:PATH  csv:PATH                    a file in that format
//   PATH                                            format from the extension: .npy, .csv,
//                                                   .idx, .gz or -ubyte (IDX), .npy.gz, .csv.gz
// followed by options:  ?limit=N            keep the first N rows
//                       &labels=PATH        labels from a file (IDX, .npy or .csv)
//                       &label_column=K     labels from column K of the data (K < 0: from the end)
#include <optional>
#include <string>

#include "aekit/tensor/matrix.hpp"

namespace aekit::data {

struct DatasetSpec {
  std::string scheme;                 // "fashion-mnist", "idx", "npy" or "csv"
  std::string path;                   // the file, or the split for a named set
  std::optional<Index> limit;         // ?limit=N
  std::string labels;                 // ?labels=PATH, empty if none
  std::optional<Index> label_column;  // ?label_column=K
};

// Throws aekit::UsageError for an unknown scheme, split or option, listing the valid ones.
DatasetSpec parse_dataset_spec(const std::string& spec);

}  // namespace aekit::data
