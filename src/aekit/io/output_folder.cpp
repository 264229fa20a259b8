#include "aekit/io/output_folder.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::io {
namespace fs = std::filesystem;

CreatedFolders::CreatedFolders(const fs::path& folder) {
  if (folder.empty()) return;
  std::vector<fs::path> missing;  // innermost first
  std::error_code absent;
  for (fs::path p = folder; !p.empty() && !fs::exists(p, absent); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    std::error_code ec;
    if (!fs::create_directory(*it, ec) && ec) {
      remove_if_empty();
      throw Error(fmt::format("cannot create folder '{}': {}", it->string(), ec.message()));
    }
    created_.push_back(*it);
  }
  if (!fs::is_directory(folder))
    throw Error(fmt::format("cannot create folder '{}': a file of that name is in the way", folder.string()));
}

void CreatedFolders::remove_if_empty() noexcept {
  for (auto it = created_.rbegin(); it != created_.rend(); ++it) {
    std::error_code ec;
    if (!fs::is_empty(*it, ec) || ec) break;  // a folder that holds something keeps its parents too
    fs::remove(*it, ec);
  }
  created_.clear();
}

}  // namespace aekit::io
