#pragma once
// Parsing the text that names a data set on the command line or in a config.
//
//   fashion-mnist:train   fashion-mnist:test        the named set (see fashion_mnist.hpp)
//   idx:PATH  npy:PATH  csv:PATH                    a file in that format
//   images:PATH                                     an image file, or every image in a folder
//                                                   (one row each; see image_dataset.hpp)
//   patches:PATH:SIZE[:STRIDE]                      SIZExSIZE patches cut from those images,
//                                                   origins STRIDE apart (default SIZE); PATH
//                                                   without ':'
//   PATH                                            format from the extension: .npy, .csv,
//                                                   .idx, .gz or -ubyte (IDX), .npy.gz, .csv.gz
// followed by options:  ?limit=N            keep the first N rows
//                       &labels=PATH        labels from a file (IDX, .npy or .csv)
//                       &label_column=K     labels from column K of the data (K < 0: from the end)
//                       &shape=CxHxW        the shape of a row (or HxW, one channel), for files
//                                           that store none (csv, 2-D npy); C*H*W must be the
//                                           number of values per row
#include <optional>
#include <string>

#include "aekit/tensor/matrix.hpp"

namespace aekit::data {

struct DatasetSpec {
  std::string scheme;                 // "fashion-mnist", "idx", "npy", "csv", "images", "patches"
  std::string path;                   // the file or folder, or the split for a named set
  Index patch_size = 0;               // patches: SIZE (0 for other schemes)
  Index patch_stride = 0;             // patches: STRIDE, SIZE if not given
  std::optional<Index> limit;         // ?limit=N
  std::string labels;                 // ?labels=PATH, empty if none
  std::optional<Index> label_column;  // ?label_column=K
  std::optional<Shape> shape;         // ?shape=CxHxW
};

// Throws aekit::UsageError for an unknown scheme, split or option, listing the valid ones, and
// for a patch SIZE or STRIDE that is not a whole number >= 1.
DatasetSpec parse_dataset_spec(const std::string& spec);

}  // namespace aekit::data
