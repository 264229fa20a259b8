#pragma once
// Numeric CSV files: one sample per line, comma-separated, gzipped or raw.
//
// A first line that is not all numbers is taken as a header. Blank lines and lines starting
// with '#' (np.savetxt's header) are skipped; fields may be surrounded by spaces or quotes.
#include <filesystem>
#include <string>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::data {

struct CsvTable {
  FloatMatrix x;                    // [rows, columns]
  std::vector<std::string> header;  // column names, empty if the file has no header
};

// Throws aekit::Error naming the line and column (both counted from 1) of a field that is not a number, and the
// line of a row whose column count differs from the first row's.
CsvTable read_csv(const std::filesystem::path& path);

// Writes x with the shortest text that reads back to the same floats (exact round trip),
// after a header line if `header` is not empty; atomically, gzipped if `path` ends in .gz.
void write_csv(const std::filesystem::path& path, const FloatMatrix& x,
               const std::vector<std::string>& header = {});

}  // namespace aekit::data
