#pragma once
// Fixed-width integers in a byte string, in an explicit byte order.
//
// File formats say their byte order (IDX: big-endian, NPY and .aek: little-endian); these
// helpers read and append values in that order whatever the host is.
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

namespace aekit::io {

template <typename T>
T byte_swap(T value) {
  static_assert(std::is_trivially_copyable_v<T>);
  unsigned char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  for (std::size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(bytes[i], bytes[sizeof(T) - 1 - i]);
  std::memcpy(&value, bytes, sizeof(T));
  return value;
}

// Reads a T stored in byte order `order` at `bytes` (no alignment needed).
template <typename T>
T load(const char* bytes, std::endian order) {
  T value;
  std::memcpy(&value, bytes, sizeof(T));
  return order == std::endian::native ? value : byte_swap(value);
}

template <typename T>
T load_le(const char* bytes) { return load<T>(bytes, std::endian::little); }
template <typename T>
T load_be(const char* bytes) { return load<T>(bytes, std::endian::big); }

// Appends `value` to `out` in byte order `order`.
template <typename T>
void append(std::string& out, T value, std::endian order) {
  if (order != std::endian::native) value = byte_swap(value);
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
void append_le(std::string& out, T value) { append(out, value, std::endian::little); }
template <typename T>
void append_be(std::string& out, T value) { append(out, value, std::endian::big); }

}  // namespace aekit::io
