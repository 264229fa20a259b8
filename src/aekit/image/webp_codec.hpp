#pragma once
// WebP in memory (libwebp), lossy, 8-bit gray or RGB in, RGB out.
//
// WebP has no gray mode: a gray image is encoded as RGB with R = G = B, and every WebP
// decodes to RGB. Lossy WebP stores Y'CbCr 4:2:0 (BT.601, limited range), so a gray
// original comes back with R, G, B a level or two apart; decode_webp_gray returns the
// BT.601 luma of the decoded pixels,
//   gray = round(0.299 R + 0.587 G + 0.114 B),
// which cancels (up to rounding) the chroma error of a picture that was gray, and is what a
// comparison on gray images should score. An alpha channel in a file is dropped.
#include <string>
#include <string_view>

#include "aekit/image/image.hpp"

namespace aekit::image {

// Lossy WebP bytes of a gray (1 channel) or RGB (3 channels) image at `quality` 0..100
// (libwebp's quality factor; 100 is the best, not lossless). Throws aekit::Error for other
// channel counts, inconsistent sizes, a side above 16383 or a quality outside 0..100.
std::string encode_webp(const image::Image& image, float quality = 95);

// Decodes WebP bytes (lossy or lossless, with or without alpha) to RGB. `what` names the
// source in error messages. Throws aekit::Error for damaged, truncated or animated files.
image::Image decode_webp(std::string_view bytes, const std::string& what = "WebP data");

// decode_webp, then one gray channel: the BT.601 luma above. For WebP files of gray images.
image::Image decode_webp_gray(std::string_view bytes, const std::string& what = "WebP data");

}  // namespace aekit::image
