#pragma once
// CRC-32 (the zlib / PNG / gzip polynomial) over bytes, in one go or incrementally.
//
//   Crc32 crc; crc.update(a); crc.update(b);   crc.value() == crc32(a + b)
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace aekit::io {

class Crc32 {
 public:
  void update(const void* data, std::size_t size);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  std::uint32_t value() const { return value_; }

 private:
  std::uint32_t value_ = 0;  // zlib's initial value: crc32(0, nullptr, 0) == 0
};

// The CRC-32 of `bytes`.
std::uint32_t crc32(std::string_view bytes);

}  // namespace aekit::io
