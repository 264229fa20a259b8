#include "aekit/io/compressed_image.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/io/binary.hpp"
#include "aekit/io/checksum.hpp"
#include "aekit/io/file_bytes.hpp"

namespace aekit::io {
namespace {

constexpr std::string_view kImageMagic = "AEIM";
constexpr std::size_t kImageHeaderBytes = 64, kImageTrailerBytes = 4;

void check_dimensions(const CompressedImage& image, std::string_view name) {
  if (image.width == 0 || image.height == 0)
    throw Error(fmt::format("'{}': image size {}x{}, expected at least 1x1", name, image.width, image.height));
  if (image.channels != 1 && image.channels != 3)
    throw Error(fmt::format("'{}': {} channels, expected 1 (gray) or 3 (RGB)", name, image.channels));
}

}  // namespace

std::string serialize_compressed_image(const CompressedImage& image) {
  check_dimensions(image, "compressed image");
  std::string out(kImageMagic);
  append_le<std::uint32_t>(out, kCompressedImageVersion);
  append_le<std::uint32_t>(out, image.width);
  append_le<std::uint32_t>(out, image.height);
  append_le<std::uint32_t>(out, image.channels);
  out.append(reinterpret_cast<const char*>(image.codec_identity.data()), image.codec_identity.size());
  append_le<std::uint32_t>(out, image.quality);
  append_le<std::uint64_t>(out, image.payload.size());
  out += image.payload;
  append_le<std::uint32_t>(out, crc32(out));
  return out;
}

CompressedImage parse_compressed_image(std::string_view bytes, std::string_view name) {
  if (bytes.size() < kImageHeaderBytes + kImageTrailerBytes)
    throw Error(fmt::format("'{}' has {} bytes, too few for a compressed image (at least {}): truncated or not "
                            "one", name, bytes.size(), kImageHeaderBytes + kImageTrailerBytes));
  if (bytes.substr(0, 4) != kImageMagic)
    throw Error(fmt::format("'{}' is not an aekit compressed image (magic '{}', expected 'AEIM')", name,
                            bytes.substr(0, 4)));
  const auto version = load_le<std::uint32_t>(bytes.data() + 4);
  if (version != kCompressedImageVersion)
    throw Error(fmt::format("'{}' is a compressed image of version {}; this aekit reads version {}", name, version,
                            kCompressedImageVersion));
  CompressedImage image;
  image.width = load_le<std::uint32_t>(bytes.data() + 8);
  image.height = load_le<std::uint32_t>(bytes.data() + 12);
  image.channels = load_le<std::uint32_t>(bytes.data() + 16);
  std::copy_n(reinterpret_cast<const std::uint8_t*>(bytes.data() + 20), 32, image.codec_identity.begin());
  image.quality = load_le<std::uint32_t>(bytes.data() + 52);
  const auto length = load_le<std::uint64_t>(bytes.data() + 56);
  if (length != bytes.size() - kImageHeaderBytes - kImageTrailerBytes)
    throw Error(fmt::format("'{}' says its payload has {} bytes, but {} follow the header: truncated or damaged", name,
                            length, bytes.size() - kImageHeaderBytes - kImageTrailerBytes));
  const auto stored = load_le<std::uint32_t>(bytes.data() + bytes.size() - kImageTrailerBytes);
  if (stored != crc32(bytes.substr(0, bytes.size() - kImageTrailerBytes)))
    throw Error(fmt::format("'{}' fails its checksum: the file is damaged", name));
  check_dimensions(image, name);
  image.payload = std::string(bytes.substr(kImageHeaderBytes, length));
  return image;
}

void write_compressed_image(const std::filesystem::path& path, const CompressedImage& image) {
  atomic_write(path, serialize_compressed_image(image));
}

CompressedImage read_compressed_image(const std::filesystem::path& path) {
  return parse_compressed_image(read_file_bytes(path), path.string());
}

}  // namespace aekit::io
