#pragma once
// The one rule for output folders, in every command: the folders an output goes into are
// created when missing (parents included, like `mkdir -p`), and a command that fails removes
// the ones it created that hold no file, so a mistake leaves no empty folders behind.
#include <filesystem>
#include <vector>

namespace aekit::io {

class CreatedFolders {
 public:
  CreatedFolders() = default;
  // Creates `folder` and its missing parents. Throws aekit::Error naming the folder (a file in
  // the way, no permission).
  explicit CreatedFolders(const std::filesystem::path& folder);

  // Removes the folders this created that hold no file (innermost first); never throws.
  void remove_if_empty() noexcept;

 private:
  std::vector<std::filesystem::path> created_;  // outermost first
};

}  // namespace aekit::io
