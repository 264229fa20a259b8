// The learned codec's files (.aeimg, io/compressed_image.hpp) as `aekit decompress` reads
// them: the container parsed, then its quality, channels and payload (tile size, entropy-coded
// latents, synthesis transform) decoded by a codec of the shape fuzz/make-seeds trains (gray,
// 2 filters, 2 latent channels; its weights, zero here, do not matter to the parsing). A header that claims an image
// over 64 x 64 pixels is parsed only.
#include "aekit/codec/learned_image_codec.hpp"
#include "aekit/io/compressed_image.hpp"
#include "aekit/models/codec/learned_codec.hpp"
#include "fuzz_input.hpp"

namespace {

constexpr std::uint64_t kDecodedPixels = 64 * 64;  // at most

aekit::codec::LearnedImageCodec& codec() {
  static aekit::codec::LearnedImageCodec codec = [] {
    aekit::models::LearnedCodecConfig config;
    config.input_shape = {1, 16, 16};
    config.filters = 2;
    config.latent_channels = 2;
    return aekit::codec::LearnedImageCodec(std::make_unique<aekit::models::LearnedCodec>(config), {}, {});
  }();
  return codec;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aekit::fuzz::run_loader([&] {
    auto image = aekit::io::parse_compressed_image(aekit::fuzz::with_valid_crc(data, size), "input.aeimg");
    if (std::uint64_t(image.width) * image.height > kDecodedPixels) return;
    image.codec_identity = codec().identity();  // another identity is refused before any decoding
    aekit::codec::decompress(codec(), image, "input.aeimg");
  });
  return 0;
}
