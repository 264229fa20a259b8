// aekit side of the codec speed check in `make bench`: compression and decompression time per
// megapixel of aekit's learned codec (the whole pipeline: tiles, analysis transform, rounding,
// entropy coding into a .aeimg, and back), next to libjpeg-turbo's and libwebp's, on one
// image, in one process, printed as one JSON object. Per codec: the median of --repeats runs
// of each direction (ms per megapixel) and the compressed size (bytes, bpp).
// --codec MODEL times a trained codec; without it, a codec of the default architecture (64
// filters, 64 latent channels) with random weights: the transforms cost the same, and the
// entropy coder's cost follows the symbols' count more than their values.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aekit/codec/learned_image_codec.hpp"
#include "aekit/codec/open_codec.hpp"
#include "aekit/image/image_file.hpp"
#include "aekit/image/jpeg_codec.hpp"
#include "aekit/image/webp_codec.hpp"
#include "aekit/tensor/threads.hpp"
#include "aekit/tensor/rng.hpp"

using namespace aekit;

namespace {

// The median of `repeats` timings of fn, in milliseconds.
double median_ms(int repeats, const std::function<void()>& fn) {
  std::vector<double> times;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::unique_ptr<codec::ImageCodec> random_codec(int channels) {
  models::LearnedCodecConfig config;
  config.input_shape = Shape{channels, 16, 16};
  auto model = std::make_unique<models::LearnedCodec>(config);
  Rng rng(1);
  model->initialize(rng);
  FloatMatrix range(2, 1);
  range << 0.f, 255.f;
  return std::make_unique<codec::LearnedImageCodec>(std::move(model), data::Scaling::fit(data::ScalingKind::unit, range),
                                                    std::array<std::uint8_t, 32>{});
}

nlohmann::json timing(const std::string& bytes, double megapixels, double encode_ms, double decode_ms) {
  return {{"bytes", bytes.size()},
          {"bpp", 8.0 * double(bytes.size()) / (megapixels * 1e6)},
          {"compress_ms_per_megapixel", encode_ms / megapixels},
          {"decompress_ms_per_megapixel", decode_ms / megapixels}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"aekit codec speed vs libjpeg and libwebp"};
  std::string image_path, codec_path;
  int threads = 1, repeats = 5, quality = 4, jpeg_quality = 75, webp_quality = 75;
  app.add_option("--image", image_path, "image to code")->required();
  app.add_option("--codec", codec_path, "a trained codec model (default: random weights)");
  app.add_option("--threads", threads);
  app.add_option("--repeats", repeats);
  app.add_option("--quality", quality, "aekit's quality");
  app.add_option("--jpeg-quality", jpeg_quality);
  app.add_option("--webp-quality", webp_quality);
  CLI11_PARSE(app, argc, argv);
  set_threads(threads);

  const image::Image image = image::read_image(image_path);
  const double megapixels = double(image.width) * image.height / 1e6;
  auto codec = codec_path.empty() ? random_codec(image.channels) : codec::open_codec(codec_path);

  std::string file;
  image::Image decoded;
  const double aekit_encode = median_ms(repeats, [&] {
    file = io::serialize_compressed_image(codec::compress(*codec, image, quality));
  });
  const double aekit_decode = median_ms(repeats, [&] {
    decoded = codec::decompress(*codec, io::parse_compressed_image(file, "bench"), "bench");
  });
  std::string jpeg, webp;
  const double jpeg_encode = median_ms(repeats, [&] { jpeg = image::encode_jpeg(image, jpeg_quality); });
  const double jpeg_decode = median_ms(repeats, [&] { decoded = image::decode_jpeg(jpeg); });
  const double webp_encode = median_ms(repeats, [&] { webp = image::encode_webp(image, float(webp_quality)); });
  const double webp_decode = median_ms(repeats, [&] { decoded = image::decode_webp(webp); });

  const nlohmann::json out = {
      {"image", fmt::format("{}x{}x{}", image.width, image.height, image.channels)},
      {"threads", threads},
      {"codec", codec->description() + (codec_path.empty() ? " (random weights)" : "")},
      {"quality", quality},
      {"aekit", timing(file, megapixels, aekit_encode, aekit_decode)},
      {"jpeg", timing(jpeg, megapixels, jpeg_encode, jpeg_decode)},
      {"webp", timing(webp, megapixels, webp_encode, webp_decode)}};
  std::cout << out.dump() << "\n";
}
