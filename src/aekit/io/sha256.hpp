#pragma once
// SHA-256 (FIPS 180-4) over bytes, in one go or incrementally: a file's identity, e.g. the
// reference classifier that FD-FMNIST figures were measured with.
//
//   Sha256 h; h.update(a); h.update(b);   h.hex() == sha256_hex(a + b)   (64 lower-case digits)
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace aekit::io {

class Sha256 {
 public:
  void update(const void* data, std::size_t size);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  std::array<std::uint8_t, 32> digest() const;  // of everything so far (the state is kept)
  std::string hex() const;

 private:
  void compress(const std::uint8_t* block);  // one 64-byte block into state_

  std::array<std::uint32_t, 8> state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<std::uint8_t, 64> pending_{};  // bytes not yet compressed
  std::size_t pending_size_ = 0;
  std::uint64_t total_ = 0;                 // bytes seen
};

// A digest as 64 lower-case hex digits.
std::string digest_hex(const std::array<std::uint8_t, 32>& digest);

std::string sha256_hex(std::string_view bytes);
// The SHA-256 of a file's bytes; Error naming the file when it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);

}  // namespace aekit::io
