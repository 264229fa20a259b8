#pragma once
// Netpbm gray (PGM) and colour (PPM) images in memory.
//
// Layout: magic "P5" (binary gray), "P6" (binary RGB), "P2"/"P3" (their ASCII forms), then
// width, height and maxval as decimal text separated by whitespace ('#' starts a comment
// that runs to the end of the line), one whitespace byte, then the samples row by row,
// channels interleaved. Binary samples are 1 byte (maxval < 256) or 2 bytes big-endian.
// Read: all four forms, maxval 1..65535, samples scaled to 8 bits: round(255 v / maxval).
// Write: binary P5 (1 channel) or P6 (3 channels) with maxval 255.
#include <string>
#include <string_view>

#include "aekit/image/image.hpp"

namespace aekit::image {

// P5 or P6 bytes of a gray or RGB image. Throws aekit::Error for other channel counts.
std::string encode_pnm(const image::Image& image);

// Decodes P2, P3, P5 or P6 bytes. `what` names the source in error messages. Throws
// aekit::Error for a wrong magic, a malformed header, a sample above maxval or a short file.
image::Image decode_pnm(std::string_view bytes, const std::string& what = "PNM data");

}  // namespace aekit::image
