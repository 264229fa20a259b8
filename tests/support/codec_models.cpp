#include "support/codec_models.hpp"

#include <algorithm>
#include <cmath>

#include "aekit/data/scaling.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/codec/learned_codec.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::test {
namespace {

data::Scaling byte_scaling(data::ScalingKind kind) {
  FloatMatrix range(2, 1);
  range << 0.f, 255.f;
  return data::Scaling::fit(kind, range);
}

}  // namespace

void write_learned_codec_file(const std::filesystem::path& path, int channels, std::uint64_t seed) {
  models::LearnedCodecConfig config;
  config.input_shape = Shape{channels, 16, 16};
  config.filters = 4;
  config.latent_channels = 4;
  models::LearnedCodec codec(config);
  Rng rng(seed);
  codec.initialize(rng);
  store::save_model(path, codec, byte_scaling(data::ScalingKind::unit), config.input_shape);
}

void write_patch_codec_file(const std::filesystem::path& path, int channels, int patch, int code,
                            Activation code_activation, std::uint64_t seed) {
  models::AutoencoderConfig config;
  config.dims = {Index(channels) * patch * patch, code};
  config.hidden = Activation::tanh;
  config.code = code_activation;
  config.output = Activation::tanh;
  models::Autoencoder model(config);
  Rng rng(seed);
  model.initialize(rng);
  store::save_model(path, model, byte_scaling(data::ScalingKind::symmetric), Shape{channels, patch, patch});
}

image::Image random_image(int width, int height, int channels, std::uint64_t seed) {
  Rng rng(seed);
  image::Image image = image::Image::filled(width, height, channels, 0);
  for (auto& p : image.pixels) p = std::uint8_t(rng.below(256));
  return image;
}

image::Image smooth_image(int width, int height, int channels, std::uint64_t seed) {
  Rng rng(seed);
  image::Image image = image::Image::filled(width, height, channels, 0);
  const double cx = 0.4 * width, cy = 0.6 * height, radius = 0.3 * std::min(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int k = 0; k < channels; ++k) {
        const bool inside = std::hypot(x - cx, y - cy) < radius;
        const double value = 40 + 150.0 * x / std::max(1, width - 1) + (inside ? 50 : 0) - 20 * k + rng.uniform(-4, 4);
        image.at(x, y, k) = std::uint8_t(std::clamp(std::lround(value), 0L, 255L));
      }
  return image;
}

}  // namespace aekit::test
