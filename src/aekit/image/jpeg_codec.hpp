#pragma once
// JPEG in memory (libjpeg-turbo), 8-bit gray or RGB.
//
// libjpeg reports errors through longjmp; every call into it happens inside one function
// that holds no C++ object with a destructor, and the failure becomes an aekit::Error after
// it returns. Warnings count as errors: a truncated file (libjpeg would pad it with gray)
// or corrupt entropy data fails instead of decoding to a damaged picture.
#include <string>
#include <string_view>

#include "aekit/image/image.hpp"

namespace aekit::image {

// JPEG bytes of a gray (1 channel) or RGB (3 channels) image at `quality` 1..100.
// Throws aekit::Error for other channel counts, inconsistent sizes or a bad quality.
std::string encode_jpeg(const image::Image& image, int quality = 95);

// Decodes JPEG bytes to gray (gray files) or RGB (colour files). `what` names the source in
// error messages. Throws aekit::Error for damaged, truncated or unsupported (CMYK) files.
image::Image decode_jpeg(std::string_view bytes, const std::string& what = "JPEG data");

}  // namespace aekit::image
