#include "aekit/io/varint.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::io {

void append_varint(std::string& out, std::uint64_t value) {
  while (value >= 128) {
    out.push_back(char((value & 127) | 128));
    value >>= 7;
  }
  out.push_back(char(value));
}

std::uint64_t take_varint(std::string_view& bytes, std::string_view what) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (bytes.empty()) throw Error(fmt::format("{} ends inside a number (truncated)", what));
    const auto byte = std::uint8_t(bytes.front());
    bytes.remove_prefix(1);
    if (shift == 63 && byte > 1) break;
    value |= std::uint64_t(byte & 127) << shift;
    if (byte < 128) return value;
  }
  throw Error(fmt::format("{} holds a number longer than 64 bits (damaged)", what));
}

}  // namespace aekit::io
