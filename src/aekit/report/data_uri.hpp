#pragma once
// Files as data: URIs, so a page can carry its figures inside it (a report that is mailed
// alone still shows them):
//   data:<media type>;base64,<the bytes in base64 (io/base64.hpp)>
#include <filesystem>
#include <string>

namespace aekit::report {

// The media type of a figure file by its extension: image/png, image/svg+xml, image/jpeg.
// Throws aekit::Error for any other extension.
std::string media_type_of(const std::filesystem::path& file);

// "data:<media type>;base64,..." of the file's bytes; aekit::Error if it cannot be read.
std::string data_uri(const std::filesystem::path& file);

}  // namespace aekit::report
