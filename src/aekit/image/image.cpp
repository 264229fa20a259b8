#include "aekit/image/image.hpp"

#include <fmt/format.h>
#include <png.h>

#include <cmath>
#include <fstream>
#include <iterator>

#include "aekit/error.hpp"
#include "aekit/tensor/size_limit.hpp"
#include "aekit/io/atomic_write.hpp"

namespace aekit::image {
namespace {

// libpng's simplified formats for 1..4 interleaved channels.
png_uint_32 png_format(int channels) {
  switch (channels) {
    case 1:
      return PNG_FORMAT_GRAY;
    case 2:
      return PNG_FORMAT_GA;
    case 3:
      return PNG_FORMAT_RGB;
    default:
      return PNG_FORMAT_RGBA;
  }
}

}  // namespace

void check_consistent(const Image& image) {
  if (image.width <= 0 || image.height <= 0 || image.channels < 1 || image.channels > 4)
    throw Error(fmt::format(
        "cannot encode a {}x{} image with {} channels: expected positive sizes and 1 (gray), "
        "2 (gray+alpha), 3 (RGB) or 4 (RGBA) channels",
        image.width, image.height, image.channels));
  const auto expected = static_cast<std::size_t>(image.width) * image.height * image.channels;
  if (image.pixels.size() != expected)
    throw Error(fmt::format("a {}x{}x{} image needs {} pixel bytes, found {}", image.width,
                            image.height, image.channels, expected, image.pixels.size()));
}

std::uint64_t pixel_bytes(std::int64_t width, std::int64_t height, std::int64_t channels) {
  if (width < 0 || height < 0 || channels < 0) return kSizeOverflow;
  return claimed_bytes({std::uint64_t(width), std::uint64_t(height), std::uint64_t(channels)}, 1);
}

void check_pixel_claim(std::int64_t width, std::int64_t height, std::int64_t channels, const std::string& what) {
  check_size_limit(pixel_bytes(width, height, channels),
                   fmt::format("{} claims {}x{} pixels of {} bytes", what, width, height, channels));
}

std::uint8_t to_byte(float v, float low, float high) {
  const float t = 255.0f * (v - low) / (high - low);
  if (!(t > 0.0f)) return 0;  // also NaN
  return t >= 255.0f ? 255 : static_cast<std::uint8_t>(std::lround(t));
}

Image Image::filled(int width, int height, int channels, std::uint8_t fill) {
  Image image{width, height, channels, {}};
  image.pixels.assign(static_cast<std::size_t>(width) * height * channels, fill);
  return image;
}

std::string encode_png(const Image& image) {
  check_consistent(image);
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width);
  png.height = static_cast<png_uint_32>(image.height);
  png.format = png_format(image.channels);
  const png_int_32 stride = image.width * image.channels;

  // First call asks for the size, second writes.
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&png, nullptr, &size, 0, image.pixels.data(), stride, nullptr))
    throw Error(fmt::format("PNG encoding failed: {}", png.message));
  std::string bytes(size, '\0');
  if (!png_image_write_to_memory(&png, bytes.data(), &size, 0, image.pixels.data(), stride,
                                 nullptr))
    throw Error(fmt::format("PNG encoding failed: {}", png.message));
  bytes.resize(size);
  return bytes;
}

Image decode_png(std::string_view bytes, const std::string& what) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()))
    throw Error(
        fmt::format("{} is not a valid PNG image ({}); expected a PNG file", what, png.message));
  // Keep colour and alpha as stored; everything else becomes 8-bit interleaved.
  png.format &= PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA;
  try {
    check_pixel_claim(png.width, png.height, PNG_IMAGE_SAMPLE_CHANNELS(png.format), what);
  } catch (...) {
    png_image_free(&png);
    throw;
  }
  Image image{static_cast<int>(png.width),
              static_cast<int>(png.height),
              static_cast<int>(PNG_IMAGE_SAMPLE_CHANNELS(png.format)),
              {}};
  image.pixels.resize(PNG_IMAGE_SIZE(png));
  if (!png_image_finish_read(&png, nullptr, image.pixels.data(), 0, nullptr)) {
    png_image_free(&png);
    throw Error(
        fmt::format("{} is a damaged PNG image ({}); try re-creating it", what, png.message));
  }
  return image;
}

void write_png(const std::filesystem::path& path, const Image& image) {
  io::atomic_write(path, encode_png(image));
}

Image read_png(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(fmt::format("cannot read '{}': no such file or not readable", path.string()));
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return decode_png(bytes, fmt::format("'{}'", path.string()));
}

}  // namespace aekit::image
