#pragma once
// Random test data.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::test {

// Pixel-like values 0, 1, 2, ... (mod 256), row by row, in a rows x cols matrix.
FloatMatrix counting_data(Index rows, Index cols);

// A rows x cols matrix of values drawn uniformly from [0, 1) by Rng(seed).
FloatMatrix uniform_data(Index rows, Index cols, std::uint64_t seed);

// Rows in [0,1] that lie near a 4-dimensional manifold: x = sigmoid(A z), z ~ N(0, 1), with
// the same A for every call (different points per seed).
FloatMatrix manifold_data(Index rows, Index cols, std::uint64_t seed);

// Rows in (0, 1) in kClusterClasses labelled clusters: sigmoid of a class centre (N(0, 4) per
// feature, the same for every call) plus N(0, 1) noise; class n % 3 for row n. Writes
// dir/NAME.npy [rows, cols] and dir/NAME_labels.npy [rows, 1].
inline constexpr int kClusterClasses = 3;
void write_clusters(const std::filesystem::path& dir, const std::string& name, Index rows, std::uint64_t seed,
                    Index cols);
// For each of kClusterClasses equal blocks of the rows in samples.npy (a conditional model's
// class-major samples), the class of clusters.npy's rows (write_clusters: class n % 3 for row n)
// whose mean is nearest the block's mean: {0, 1, 2} when every block looks like its class.
std::vector<int> cluster_block_classes(const std::filesystem::path& samples, const std::filesystem::path& clusters);

}  // namespace aekit::test
