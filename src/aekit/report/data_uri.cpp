#include "aekit/report/data_uri.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/io/base64.hpp"
#include "aekit/io/file_bytes.hpp"

namespace aekit::report {

std::string media_type_of(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".png") return "image/png";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  throw Error(fmt::format("figure '{}': expected a .png, .svg or .jpg file, found '{}'",
                          file.string(), ext));
}

std::string data_uri(const std::filesystem::path& file) {
  const std::string type = media_type_of(file);
  return "data:" + type + ";base64," + io::base64_encode(io::read_file_bytes(file));
}

}  // namespace aekit::report
