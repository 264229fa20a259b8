#include "aekit/image/image_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "aekit/error.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/io/file_bytes.hpp"
#include "aekit/image/jpeg_codec.hpp"
#include "aekit/image/pnm_codec.hpp"
#include "aekit/image/webp_codec.hpp"

namespace aekit::image {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

// A RIFF container whose form type is WebP: "RIFF", the chunk size, "WEBP".
bool is_webp(std::string_view bytes) {
  return starts_with(bytes, "RIFF") && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP";
}

// The first bytes in hex ("3c 68 74 6d"), for the unknown-format message.
std::string leading_hex(std::string_view bytes) {
  std::string hex;
  for (std::size_t i = 0; i < std::min<std::size_t>(bytes.size(), 4); ++i)
    hex += fmt::format("{}{:02x}", i ? " " : "", static_cast<unsigned char>(bytes[i]));
  return bytes.empty() ? "nothing (the file is empty)" : "bytes " + hex;
}

// Gray + alpha -> gray, RGBA -> RGB: the alpha sample of each pixel is left out.
image::Image without_alpha(image::Image image) {
  if (image.channels != 2 && image.channels != 4) return image;
  const int kept = image.channels - 1;
  const std::size_t pixels = static_cast<std::size_t>(image.width) * image.height;
  for (std::size_t p = 0; p < pixels; ++p)
    for (int k = 0; k < kept; ++k) image.pixels[p * kept + k] = image.pixels[p * image.channels + k];
  image.pixels.resize(pixels * kept);
  image.channels = kept;
  return image;
}

std::string lowercase_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// `image` must have `channels` channels to be written as `path`.
void require_channels(const std::filesystem::path& path, const image::Image& image,
                      int channels, const char* kind) {
  if (image.channels != channels)
    throw UsageError(fmt::format("cannot write '{}': {} files hold {} images, found {} channels; "
                                 "use .pnm, .png or .jpg",
                                 path.string(), path.extension().string(), kind, image.channels));
}

}  // namespace

image::Image decode_image(std::string_view bytes, const std::string& what) {
  if (starts_with(bytes, "\x89PNG")) return without_alpha(image::decode_png(bytes, what));
  if (starts_with(bytes, "\xFF\xD8\xFF")) return decode_jpeg(bytes, what);
  if (is_webp(bytes)) return decode_webp(bytes, what);
  if (bytes.size() >= 2 && bytes[0] == 'P' && std::string_view("2356").find(bytes[1]) !=
                                                  std::string_view::npos)
    return decode_pnm(bytes, what);
  throw Error(fmt::format("{} is not an image aekit reads: expected a PNG, JPEG, WebP or "
                          "PGM/PPM (P2, P3, P5, P6) file, found {}",
                          what, leading_hex(bytes)));
}

bool has_image_extension(const std::filesystem::path& path) {
  const std::string ext = lowercase_extension(path);
  for (const char* known : {".png", ".jpg", ".jpeg", ".webp", ".pgm", ".ppm", ".pnm"})
    if (ext == known) return true;
  return false;
}

image::Image read_image(const std::filesystem::path& path) {
  return decode_image(io::read_file_bytes(path), fmt::format("'{}'", path.string()));
}

void write_image(const std::filesystem::path& path, const image::Image& image,
                 int quality) {
  const std::string ext = lowercase_extension(path);
  if (ext == ".png") return io::atomic_write(path, image::encode_png(image));
  if (ext == ".jpg" || ext == ".jpeg") return io::atomic_write(path, encode_jpeg(image, quality));
  if (ext == ".webp") return io::atomic_write(path, encode_webp(image, float(quality)));
  if (ext == ".pgm") require_channels(path, image, 1, "gray");
  if (ext == ".ppm") require_channels(path, image, 3, "RGB");
  if (ext == ".pgm" || ext == ".ppm" || ext == ".pnm") return io::atomic_write(path, encode_pnm(image));
  throw UsageError(fmt::format("cannot write '{}': expected an image extension .png, .jpg, "
                               ".jpeg, .webp, .pgm, .ppm or .pnm, found '{}'",
                               path.string(), path.extension().string()));
}

}  // namespace aekit::image
