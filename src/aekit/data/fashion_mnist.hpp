#pragma once
// Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): 60000 train and 10000 test 28x28 grey images
// of clothes, 10 classes, as the four IDX files of the Debian package dataset-fashion-mnist.
//
// Search order for a split's pair of files (gzipped or not):
//   each folder F of $AEKIT_DATA (colon-separated), then F/fashion-mnist,
//   then /usr/share/datasets/fashion-mnist.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/data/dataset.hpp"

namespace aekit::data {

// The names of the 10 classes, by label: "T-shirt/top", "Trouser", ..., "Ankle boot".
const std::vector<std::string>& fashion_mnist_class_names();

// The class names of the data set a spec names: Fashion-MNIST's for "fashion-mnist:...",
// none (empty: charts and tables say "class k") for any other data.
std::vector<std::string> class_names_of(std::string_view spec);

// The folders searched, in order.
std::vector<std::filesystem::path> fashion_mnist_search_path();

// Loads split "train" or "test": x [N, 784] in 0..255, labels in 0..9, shape {1,28,28}.
// Throws aekit::Error listing the folders searched if no folder holds the split's files.
Dataset load_fashion_mnist(std::string_view split);

// The same, searching `folders` in order instead of fashion_mnist_search_path().
Dataset load_fashion_mnist(std::string_view split,
                           const std::vector<std::filesystem::path>& folders);

}  // namespace aekit::data
