#pragma once
// Image files: PNG, JPEG, WebP and PGM/PPM, 8-bit gray or RGB, as image::Image.
//
// Read: the format is told by the first bytes, whatever the extension:
//   "\x89PNG" -> PNG (16-bit samples become 8-bit, palettes RGB, an alpha channel is dropped)
//   FF D8 FF  -> JPEG           "P2" "P3" "P5" "P6" -> PGM/PPM (io/pnm_codec.hpp)
//   "RIFF" + 4 size bytes + "WEBP" -> WebP (always RGB: WebP has no gray mode, webp_codec.hpp)
// Write: the format is told by the extension (any case): .png, .jpg/.jpeg, .webp (lossy),
// .pgm (gray), .ppm (RGB), .pnm (either); atomically, so a failed write leaves nothing behind.
#include <filesystem>
#include <string>
#include <string_view>

#include "aekit/image/image.hpp"

namespace aekit::image {

// Decodes image bytes to 1 (gray) or 3 (RGB) channels. `what` names the source in errors.
// Throws aekit::Error for an unknown format and for damaged or truncated data.
image::Image decode_image(std::string_view bytes, const std::string& what = "image data");

// Reads an image file. Throws aekit::Error naming the file if it is missing, of an unknown
// format, or damaged.
image::Image read_image(const std::filesystem::path& path);

// Whether `path` ends in an image extension write_image knows (.png .jpg .jpeg .webp .pgm
// .ppm .pnm, any case).
bool has_image_extension(const std::filesystem::path& path);

// Writes a gray or RGB image in the format its extension names (JPEG and lossy WebP at
// `quality`, 1..100). Throws UsageError for an unknown extension or a channel count the
// format cannot hold (.pgm needs 1, .ppm 3), aekit::Error if writing fails; the file is then
// untouched.
void write_image(const std::filesystem::path& path, const image::Image& image,
                 int quality = 95);

}  // namespace aekit::image
