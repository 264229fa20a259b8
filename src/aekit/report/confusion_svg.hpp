#pragma once
// A confusion matrix as a picture: a C x C grid of cells, row t = true class, column p =
// predicted class, each cell shaded by the share of row t's rows that went to p (white 0,
// full blue 1; the diagonal is the per-class recall) and labelled with its count. Class
// names head the rows and columns.
#include <cstdint>
#include <string>
#include <vector>

namespace aekit::report {

// counts[t][p] >= 0 (C rows of C); names: one per class, or empty ("0", "1", ...).
// Throws aekit::Error if counts is not square or names has another length.
std::string confusion_matrix_svg(const std::vector<std::vector<std::int64_t>>& counts,
                                 const std::vector<std::string>& names);

}  // namespace aekit::report
