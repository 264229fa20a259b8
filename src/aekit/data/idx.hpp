#pragma once
// IDX files (the MNIST / Fashion-MNIST format), read gzipped or raw.
//
// Layout: 2 zero bytes, a type byte (0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32,
// 0x0D float32, 0x0E float64), a byte with the number of dimensions k, then k big-endian
// uint32 sizes, then the values, big-endian, row-major.
//   images: magic 0x00000803 = uint8 [N, rows, cols]  -> x [N, rows*cols], Shape{1,rows,cols}
//   labels: magic 0x00000801 = uint8 [N]              -> N ints
#include <filesystem>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::data {

struct IdxImages {
  FloatMatrix x;  // [N, D], the values as stored (0..255 for uint8 images)
  Shape shape;    // [N,H,W] -> {1,H,W}; [N,C,H,W] -> {C,H,W}; [N,D] -> {1,1,D}; [N] -> {1,1,1}
};

// Reads any 1- to 4-dimensional IDX array as rows of floats. Throws aekit::Error for a
// missing file, a wrong magic number, a damaged gzip stream or a truncated file.
IdxImages read_idx_images(const std::filesystem::path& path);

// Reads a 1-dimensional IDX array of integers (magic 0x00000801 for uint8) as labels.
std::vector<int> read_idx_labels(const std::filesystem::path& path);

// Writes x [N, shape.size()] as uint8 IDX [N,H,W] (or [N,C,H,W] when C > 1), gzipped if
// `path` ends in .gz, atomically. Every value must be an integer in 0..255.
void write_idx_images(const std::filesystem::path& path, const FloatMatrix& x, Shape shape);

// Writes labels as uint8 IDX [N] (magic 0x00000801); each label must be in 0..255.
void write_idx_labels(const std::filesystem::path& path, const std::vector<int>& labels);

}  // namespace aekit::data
