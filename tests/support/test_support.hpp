#pragma once
// Helpers shared by tests: a temporary folder that cleans itself up, running a command and
// capturing what it printed, and reading files whole.
#include <filesystem>
#include <string>

namespace aekit::test {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;   // the process's exit status (-1 if it did not exit normally)
  std::string output;   // stdout and stderr together
};

// Runs `command` through /bin/sh with stderr merged into stdout.
CommandResult run_command(const std::string& command);

std::string read_file(const std::filesystem::path& path);
// How often `what` occurs in `text` (overlapping occurrences count).
std::size_t count_occurrences(const std::string& text, const std::string& what);
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace aekit::test
