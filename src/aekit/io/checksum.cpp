#include "aekit/io/checksum.hpp"

#include <zlib.h>

namespace aekit::io {

void Crc32::update(const void* data, std::size_t size) {
  // zlib treats a null buffer as "give me the initial value" and would reset the CRC: an
  // empty std::vector's data() may be null.
  if (size == 0) return;
  // crc32_z takes a size_t length, so buffers over 4 GiB need no chunking.
  value_ = static_cast<std::uint32_t>(
      ::crc32_z(value_, static_cast<const Bytef*>(data), static_cast<z_size_t>(size)));
}

std::uint32_t crc32(std::string_view bytes) {
  Crc32 crc;
  crc.update(bytes);
  return crc.value();
}

}  // namespace aekit::io
