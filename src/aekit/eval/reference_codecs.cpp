#include "aekit/eval/reference_codecs.hpp"

#include <string>

#include "aekit/image/jpeg_codec.hpp"
#include "aekit/image/webp_codec.hpp"

namespace aekit::eval {

const char* reference_codec_name(ReferenceCodec codec) {
  return codec == ReferenceCodec::jpeg ? "JPEG" : "WebP";
}

std::vector<int> default_qualities(ReferenceCodec codec) {
  std::vector<int> qualities;
  const int first = codec == ReferenceCodec::jpeg ? 5 : 0;
  const int last = codec == ReferenceCodec::jpeg ? 95 : 100;
  for (int q = first; q <= last; q += 5) qualities.push_back(q);
  return qualities;
}

std::vector<RatePoint> sweep_reference_codec(ReferenceCodec codec, const image::Image& image,
                                             std::span<const int> qualities) {
  std::vector<RatePoint> points;
  for (const int quality : qualities) {
    const bool jpeg = codec == ReferenceCodec::jpeg;
    const std::string bytes =
        jpeg ? image::encode_jpeg(image, quality) : image::encode_webp(image, float(quality));
    const image::Image decoded = jpeg                 ? image::decode_jpeg(bytes)
                                 : image.channels == 1 ? image::decode_webp_gray(bytes)
                                                       : image::decode_webp(bytes);
    points.push_back(measure_rate_point(reference_codec_name(codec), quality, bytes.size(), image,
                                        decoded));
  }
  return points;
}

}  // namespace aekit::eval
