#pragma once
// The codecs a learned codec is compared with, swept over their quality settings on one
// image: JPEG (libjpeg-turbo, image/jpeg_codec.hpp, 4:2:0 for RGB) and lossy WebP (libwebp,
// image/webp_codec.hpp). Each point is scored as rate_points.hpp says, on the decoded image:
// JPEG decodes gray to gray; WebP always decodes to RGB, and a gray original is scored on the
// decoded luma (decode_webp_gray), so gray images are compared gray to gray for every codec.
#include <span>
#include <vector>

#include "aekit/eval/rate_points.hpp"
#include "aekit/image/image.hpp"

namespace aekit::eval {

enum class ReferenceCodec { jpeg, webp };

// "JPEG", "WebP": the name in RatePoint::codec.
const char* reference_codec_name(ReferenceCodec codec);

// The default sweep: JPEG qualities 5, 10, ..., 95; WebP 0, 5, ..., 100.
std::vector<int> default_qualities(ReferenceCodec codec);

// Encodes and decodes `image` (gray or RGB, at least 11x11) at each quality, in the order
// given: one point each. Throws aekit::Error for a quality the codec refuses (JPEG 1..100,
// WebP 0..100) or an image it cannot hold.
std::vector<RatePoint> sweep_reference_codec(ReferenceCodec codec, const image::Image& image,
                                             std::span<const int> qualities);

}  // namespace aekit::eval
