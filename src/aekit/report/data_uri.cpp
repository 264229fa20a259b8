#include "aekit/report/data_uri.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "aekit/error.hpp"
#include "aekit/io/file_bytes.hpp"

namespace aekit::report {

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    // Three bytes (missing ones 0) as one 24-bit group, cut into four 6-bit digits.
    const auto byte = [&](std::size_t k) {
      return k < bytes.size() ? std::uint32_t(std::uint8_t(bytes[k])) : 0u;
    };
    const std::uint32_t group = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    const std::size_t digits = std::min<std::size_t>(4, bytes.size() - i + 1);  // 2, 3 or 4
    for (std::size_t d = 0; d < 4; ++d)
      out += d < digits ? kAlphabet[(group >> (18 - 6 * d)) & 63] : '=';
  }
  return out;
}

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
  return "data:" + type + ";base64," + base64(io::read_file_bytes(file));
}

}  // namespace aekit::report
