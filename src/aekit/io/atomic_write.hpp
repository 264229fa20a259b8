#pragma once
// Writing a file so that it is either fully there or not touched at all.
//
// The bytes go to a temporary file beside the target (same folder, so the rename cannot
// cross file systems), are flushed to disk, and the temporary is renamed over the target.
// A failure at any point removes the temporary and leaves an existing target as it was.
// Missing folders on the way are created, and removed again if the write fails
// (io/output_folder.hpp).
#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>

namespace aekit::io {

// Writes `bytes` to `path` atomically. Throws aekit::Error naming the path on failure.
void atomic_write(const std::filesystem::path& path, std::string_view bytes);

// Streams into a temporary file through `write`, then renames it into place. If `write`
// throws, the temporary is removed and the exception propagates; `path` is untouched.
void atomic_write_with(const std::filesystem::path& path,
                       const std::function<void(std::ostream&)>& write);

}  // namespace aekit::io
