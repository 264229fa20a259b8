#pragma once
// An 8-bit raster image and its PNG encoding (libpng's simplified API).
//
// Layout: pixels[(y * width + x) * channels + k], rows top to bottom, channels interleaved.
// channels: 1 = gray, 2 = gray + alpha, 3 = RGB, 4 = RGBA.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace aekit::image {

struct Image {
  int width = 0, height = 0, channels = 1;
  std::vector<std::uint8_t> pixels;  // [height, width, channels], row-major

  // A width x height image with every byte set to `fill`.
  static Image filled(int width, int height, int channels, std::uint8_t fill);

  std::uint8_t& at(int x, int y, int k = 0) {
    return pixels[(static_cast<std::size_t>(y) * width + x) * channels + k];
  }
  std::uint8_t at(int x, int y, int k = 0) const {
    return pixels[(static_cast<std::size_t>(y) * width + x) * channels + k];
  }
  bool operator==(const Image&) const = default;
};

// Throws aekit::Error unless sizes are positive, channels 1..4 and pixels.size() matches.
void check_consistent(const Image& image);

// width * height * channels bytes, the pixels a decoder allocates for an image of that size
// (kSizeOverflow when it overflows; a negative size counts as that too).
std::uint64_t pixel_bytes(std::int64_t width, std::int64_t height, std::int64_t channels);

// Throws aekit::Error when an image file (`what`, e.g. "'a.png'") claims more pixel bytes than the
// size limit (tensor/size_limit.hpp); decoders call it with the header's sizes before allocating.
void check_pixel_claim(std::int64_t width, std::int64_t height, std::int64_t channels, const std::string& what);

// A value mapped linearly from [low, high] to a sample 0..255:
// round(255 * (v - low) / (high - low)), clamped to 0..255, NaN -> 0.
std::uint8_t to_byte(float v, float low, float high);

// PNG bytes of `image`. Throws aekit::Error if its sizes are inconsistent.
std::string encode_png(const Image& image);

// Decodes PNG bytes, keeping the file's gray/RGB and alpha channels (palettes become RGB or
// RGBA, 16-bit samples become 8-bit). `what` names the source in error messages.
Image decode_png(std::string_view bytes, const std::string& what = "PNG data");

// Writes `image` as a PNG file atomically (the file is either complete or untouched).
void write_png(const std::filesystem::path& path, const Image& image);

// Reads a PNG file. Throws aekit::Error naming the file if it is missing or not a valid PNG.
Image read_png(const std::filesystem::path& path);

}  // namespace aekit::image
