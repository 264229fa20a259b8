#pragma once
// Class labels: integers, one per row of a data set.
#include <cstddef>
#include <filesystem>
#include <string_view>
#include <vector>

namespace aekit::data {

// Turns stored values into labels; each must be a whole number that fits an int.
// `source` names the file in the error: "labels 'y.npy' has 2.5 at row 7; expected
// whole numbers (class indices)".
std::vector<int> labels_from_values(const float* values, std::size_t count,
                                    std::string_view source);

// Reads labels from an IDX file (.gz/.idx/-ubyte), a 1-D or [N,1] .npy, or a one-column .csv,
// chosen by the extension.
std::vector<int> read_labels(const std::filesystem::path& path);

}  // namespace aekit::data
