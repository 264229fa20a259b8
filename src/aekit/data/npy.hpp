#pragma once
// NPY files (NumPy's np.save format), versions 1, 2 and 3, gzipped or raw.
//
// Layout: magic "\x93NUMPY", major, minor, header length (uint16 LE in v1, uint32 LE in
// v2/v3), a Python dict literal {'descr': '<f4', 'fortran_order': False, 'shape': (N, D), }
// padded with spaces and '\n', then the values in C order.
// Read: float32/64, int8..64, uint8..64, bool, either byte order; C order only.
//   [N] -> x [N,1]          [N,D] -> x [N,D], Shape{1,1,D}
//   [N,H,W] -> Shape{1,H,W}  [N,C,H,W] -> Shape{C,H,W}  (trailing dims flattened into columns)
#include <filesystem>
#include <string_view>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::data {

struct NpyArray {
  FloatMatrix x;            // [N, product of the trailing dims]
  Shape shape;              // image shape of a row, {1,1,D} when not an image
  std::vector<Index> dims;  // the shape as stored
};

// Throws aekit::Error for a missing file, a wrong magic, a malformed header, an unsupported
// dtype, fortran_order True, or a truncated file.
NpyArray read_npy(const std::filesystem::path& path);

// Writes `data` (the raw values, C order) with the given NumPy descr ("<f4", "|u1", ...) and
// dims, atomically, gzipped if `path` ends in .gz. AEKIT_ASSERTs that the sizes agree.
void write_npy_array(const std::filesystem::path& path, std::string_view descr,
                     const std::vector<Index>& dims, std::string_view data);

// Writes x as float32 [N, D], or [N, C, H, W] ([N, H, W] when C == 1) with a shape. Exact.
void write_npy(const std::filesystem::path& path, const FloatMatrix& x);
void write_npy(const std::filesystem::path& path, const FloatMatrix& x, Shape shape);

// Writes labels as int32 [N].
void write_npy_labels(const std::filesystem::path& path, const std::vector<int>& labels);

}  // namespace aekit::data
