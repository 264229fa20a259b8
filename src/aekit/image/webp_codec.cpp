#include "aekit/image/webp_codec.hpp"

#include <fmt/format.h>
#include <webp/decode.h>
#include <webp/encode.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/image/image.hpp"

namespace aekit::image {
namespace {

// libwebp's words for a decoder status.
const char* webp_status_text(VP8StatusCode status) {
  switch (status) {
    case VP8_STATUS_OUT_OF_MEMORY:
      return "out of memory";
    case VP8_STATUS_INVALID_PARAM:
      return "invalid parameter";
    case VP8_STATUS_BITSTREAM_ERROR:
      return "bitstream error";
    case VP8_STATUS_UNSUPPORTED_FEATURE:
      return "unsupported feature";
    case VP8_STATUS_SUSPENDED:
      return "suspended";
    case VP8_STATUS_USER_ABORT:
      return "aborted";
    case VP8_STATUS_NOT_ENOUGH_DATA:
      return "truncated: not enough data";
    default:
      return "ok";
  }
}

[[noreturn]] void refuse_webp(const std::string& what, const char* reason) {
  throw Error(fmt::format("{} is a damaged or unsupported WebP image ({}); expected a complete "
                          "still WebP file",
                          what, reason));
}

// The interleaved RGB bytes of a gray or RGB image (gray: R = G = B).
std::vector<std::uint8_t> webp_rgb_pixels(const image::Image& image) {
  if (image.channels == 3) return image.pixels;
  std::vector<std::uint8_t> rgb(image.pixels.size() * 3);
  for (std::size_t p = 0; p < image.pixels.size(); ++p)
    rgb[3 * p] = rgb[3 * p + 1] = rgb[3 * p + 2] = image.pixels[p];
  return rgb;
}

}  // namespace

std::string encode_webp(const image::Image& image, float quality) {
  image::check_consistent(image);
  if (image.channels != 1 && image.channels != 3)
    throw Error(fmt::format(
        "cannot write a WebP with {} channels: expected 1 (gray) or 3 (RGB)", image.channels));
  if (image.width > WEBP_MAX_DIMENSION || image.height > WEBP_MAX_DIMENSION)
    throw Error(fmt::format("cannot write a {}x{} WebP: expected sides of at most {}",
                            image.width, image.height, WEBP_MAX_DIMENSION));
  if (!(quality >= 0 && quality <= 100))
    throw Error(fmt::format("WebP quality must be 0..100, found {}", quality));
  const std::vector<std::uint8_t> rgb = webp_rgb_pixels(image);
  std::uint8_t* output = nullptr;
  const std::size_t size =
      WebPEncodeRGB(rgb.data(), image.width, image.height, image.width * 3, quality, &output);
  const std::unique_ptr<std::uint8_t, decltype(&WebPFree)> owned(output, &WebPFree);
  if (size == 0)
    throw Error(fmt::format("WebP encoding of a {}x{} image failed in libwebp", image.width,
                            image.height));
  return std::string(reinterpret_cast<const char*>(output), size);
}

image::Image decode_webp(std::string_view bytes, const std::string& what) {
  if (bytes.empty()) refuse_webp(what, "no bytes");
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  WebPDecoderConfig config;
  if (!WebPInitDecoderConfig(&config)) refuse_webp(what, "libwebp version mismatch");
  if (const VP8StatusCode status = WebPGetFeatures(data, bytes.size(), &config.input);
      status != VP8_STATUS_OK)
    refuse_webp(what, webp_status_text(status));
  if (config.input.has_animation) refuse_webp(what, "animated");
  image::check_pixel_claim(config.input.width, config.input.height, 3, what);
  image::Image image = image::Image::filled(config.input.width, config.input.height, 3, 0);
  // libwebp writes straight into the image's pixels.
  config.output.colorspace = MODE_RGB;
  config.output.is_external_memory = 1;
  config.output.u.RGBA.rgba = image.pixels.data();
  config.output.u.RGBA.stride = image.width * 3;
  config.output.u.RGBA.size = image.pixels.size();
  if (const VP8StatusCode status = WebPDecode(data, bytes.size(), &config);
      status != VP8_STATUS_OK)
    refuse_webp(what, webp_status_text(status));
  return image;
}

image::Image decode_webp_gray(std::string_view bytes, const std::string& what) {
  const image::Image rgb = decode_webp(bytes, what);
  image::Image gray = image::Image::filled(rgb.width, rgb.height, 1, 0);
  for (std::size_t p = 0; p < gray.pixels.size(); ++p)
    gray.pixels[p] = static_cast<std::uint8_t>(std::lround(
        0.299 * rgb.pixels[3 * p] + 0.587 * rgb.pixels[3 * p + 1] + 0.114 * rgb.pixels[3 * p + 2]));
  return gray;
}

}  // namespace aekit::image
