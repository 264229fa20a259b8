#include "aekit/io/base64.hpp"

#include <cstdint>

#include "aekit/io/binary.hpp"

namespace aekit::io {

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string text;
  text.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    // Up to 3 bytes as one 24-bit group, cut into four 6-bit letters; missing bytes are '='.
    const std::size_t present = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 3; ++k)
      group = (group << 8) | (k < present ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k)
      text += k <= present ? kAlphabet[(group >> (18 - 6 * k)) & 63u] : '=';
  }
  return text;
}

std::string float32_base64(std::span<const float> values) {
  std::string bytes;
  bytes.reserve(values.size() * sizeof(float));
  for (const float v : values) append_le(bytes, v);
  return base64_encode(bytes);
}

}  // namespace aekit::io
