#include "aekit/io/atomic_write.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "aekit/error.hpp"
#include "aekit/io/output_folder.hpp"

namespace aekit::io {
namespace {

// Unique per process and per call, so that two threads writing the same target (a checkpoint
// and a final save, say) never share a temporary.
std::filesystem::path temporary_beside(const std::filesystem::path& path) {
  static std::atomic<unsigned long> counter{0};
  return path.parent_path() / fmt::format(".{}.tmp-{}-{}", path.filename().string(),
                                          static_cast<long>(getpid()), counter++);
}

void flush_to_disk(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void atomic_write_with(const std::filesystem::path& path,
                       const std::function<void(std::ostream&)>& write) {
  CreatedFolders folders(path.parent_path());
  const auto temporary = temporary_beside(path);
  try {
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      if (!out) throw Error(fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
      errno = 0;
      write(out);
      out.flush();
      // errno is the failed write's: ENOSPC on a full disk, EIO, EDQUOT...
      if (!out)
        throw Error(fmt::format("cannot write '{}': {}", path.string(),
                                errno != 0 ? std::strerror(errno) : "disk full or I/O error"));
    }
    flush_to_disk(temporary);
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
      throw Error(fmt::format("cannot write '{}': {}", path.string(), error.message()));
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    folders.remove_if_empty();
    throw;
  }
}

void atomic_write(const std::filesystem::path& path, std::string_view bytes) {
  atomic_write_with(path, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
}

}  // namespace aekit::io
