#pragma once
// The names in a folder, sorted: to check that a failed command left nothing behind.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace aekit::test {

inline std::vector<std::string> folder_listing(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace aekit::test
