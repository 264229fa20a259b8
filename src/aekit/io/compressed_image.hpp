#pragma once
// An image compressed by a learned codec, as a file (.aeimg; issue 16), little-endian:
//   0   magic "AEIM"
//   4   u32 version (1)
//   8   u32 width, u32 height, u32 channels (1 gray, 3 RGB)
//   20  32 bytes: the codec's identity, the SHA-256 of its model's state (a file decodes only
//       with the model that wrote it)
//   52  u32 quality level (the codec's, 0 when it has one)
//   56  u64 payload length P
//   64  P bytes of payload (the codec's entropy-coded symbols)
//   64+P  u32 CRC-32 of every byte before it
// parse_compressed_image refuses, in one line each: a file too short for the header, another
// magic, a newer version, a size or channel count no image has, a payload that runs past the end
// or stops short of it (truncated or padded), a checksum that does not match (damaged).
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace aekit::io {

struct CompressedImage {
  std::uint32_t width = 0, height = 0, channels = 0;
  std::array<std::uint8_t, 32> codec_identity{};
  std::uint32_t quality = 0;
  std::string payload;
};

inline constexpr std::uint32_t kCompressedImageVersion = 1;

std::string serialize_compressed_image(const CompressedImage& image);
// `name` names the source in messages (a file's path).
CompressedImage parse_compressed_image(std::string_view bytes, std::string_view name);

// The file, written atomically (io/atomic_write.hpp), and read back.
void write_compressed_image(const std::filesystem::path& path, const CompressedImage& image);
CompressedImage read_compressed_image(const std::filesystem::path& path);

}  // namespace aekit::io
