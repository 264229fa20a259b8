#include "aekit/data/fashion_mnist.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "aekit/data/idx.hpp"
#include "aekit/error.hpp"

namespace aekit::data {
namespace {

constexpr const char* kSystemFolder = "/usr/share/datasets/fashion-mnist";

// `folder/name.gz`, else `folder/name`, if either is a file.
std::optional<std::filesystem::path> find_file(const std::filesystem::path& folder,
                                               const std::string& name) {
  for (const auto& candidate : {folder / (name + ".gz"), folder / name}) {
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error)) return candidate;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::filesystem::path> fashion_mnist_search_path() {
  std::vector<std::filesystem::path> folders;
  if (const char* env = std::getenv("AEKIT_DATA")) {
    std::string_view rest = env;
    for (;;) {
      const auto colon = rest.find(':');
      const auto entry = rest.substr(0, colon);
      if (!entry.empty()) {
        folders.emplace_back(entry);
        folders.push_back(std::filesystem::path(entry) / "fashion-mnist");
      }
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  folders.emplace_back(kSystemFolder);
  return folders;
}

Dataset load_fashion_mnist(std::string_view split) {
  return load_fashion_mnist(split, fashion_mnist_search_path());
}

Dataset load_fashion_mnist(std::string_view split,
                           const std::vector<std::filesystem::path>& folders) {
  AEKIT_ASSERT(split == "train" || split == "test");
  const std::string prefix = split == "train" ? "train" : "t10k";
  const std::string images_name = prefix + "-images-idx3-ubyte";
  const std::string labels_name = prefix + "-labels-idx1-ubyte";
  for (const auto& folder : folders) {
    const auto images_path = find_file(folder, images_name);
    const auto labels_path = find_file(folder, labels_name);
    if (!images_path || !labels_path) continue;
    IdxImages images = read_idx_images(*images_path);
    Dataset data;
    data.labels = read_idx_labels(*labels_path);
    data.x = std::move(images.x);
    data.shape = images.shape;
    data.name = fmt::format("fashion-mnist:{}", split);
    if (static_cast<std::size_t>(data.x.rows()) != data.labels.size())
      throw Error(fmt::format("Fashion-MNIST in '{}' is inconsistent: {} images but {} labels",
                              folder.string(), data.x.rows(), data.labels.size()));
    return data;
  }
  std::vector<std::string> looked;
  for (const auto& folder : folders) looked.push_back(folder.string());
  throw Error(fmt::format(
      "cannot find Fashion-MNIST {}: no folder holds {}.gz and {}.gz; looked in {}; install the "
      "Debian package dataset-fashion-mnist or set AEKIT_DATA to a folder holding these files",
      split, images_name, labels_name, fmt::join(looked, ", ")));
}

const std::vector<std::string>& fashion_mnist_class_names() {
  static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress",
                                                 "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                                                 "Ankle boot"};
  return names;
}

std::vector<std::string> class_names_of(std::string_view spec) {
  if (spec.starts_with("fashion-mnist")) return fashion_mnist_class_names();
  return {};
}

}  // namespace aekit::data
