#include "aekit/codec/patch_codec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit::codec {
namespace {

constexpr int kPatchBatch = 4096;  // patches per model call

}  // namespace

PatchCodec::PatchCodec(std::unique_ptr<models::Model> model, Shape patch, data::Scaling scaling,
                       std::array<std::uint8_t, 32> identity, const std::string& name)
    : ImageCodec(std::move(scaling), identity), model_(std::move(model)), patch_(patch) {
  if (!model_->encoder() || !model_->decoder())
    throw UsageError(fmt::format("model '{}' (kind {}) cannot be a patch codec: it needs an encoder and a decoder", name,
                                 model_->kind()));
  if ((patch_.c != 1 && patch_.c != 3) || patch_.h != patch_.w || patch_.h < 1 || patch_.size() != model_->input_size())
    throw UsageError(fmt::format("model '{}' cannot be a patch codec: expected rows of square 1- or 3-channel patches "
                                 "(train it on patches:IMAGE:8), found rows of shape {}x{}x{}", name, patch_.c,
                                 patch_.h, patch_.w));
  const Activation code = model_->encoder()->code_activation();
  if (code == Activation::sigmoid) low_ = 0;
  else if (code != Activation::tanh)
    throw UsageError(fmt::format("model '{}' cannot be a patch codec: its codes must be bounded to be quantized "
                                 "(a tanh or sigmoid code), found {}", name, activation_name(code)));
}

std::string PatchCodec::description() const {
  return fmt::format("patch codec: {} on {}x{} patches, {} codes in [{:g}, {:g}] at 1 to {} bits", model_->description(),
                     patch_.h, patch_.w, model_->encoder()->code_size(), low_, high_, kMaxBits);
}

double PatchCodec::nominal_bpp(int quality) const {
  return double(model_->encoder()->code_size() * quality) / double(patch_.h * patch_.w);
}

std::vector<std::uint32_t> PatchCodec::levels(const image::Image& image, int quality) {
  check_request(quality, image.channels);
  const TileGrid tiles = grid(image.width, image.height);
  const Index codes = model_->encoder()->code_size();
  const double top = std::exp2(quality) - 1;
  std::vector<std::uint32_t> out(std::size_t(tiles.count()) * std::size_t(codes));
  for_each_tile_batch(tiles, int(patch_.w), kPatchBatch, [&](int first, int count, Shape shape) {
    ConstMatrixRef h = model_->encoder()->encode(tile_rows(image, tiles, first, count, shape));
    for (Index n = 0; n < h.rows(); ++n)
      for (Index k = 0; k < codes; ++k) {
        const double level = std::round((double(h(n, k)) - low_) / (high_ - low_) * top);
        out[std::size_t((first + n) * codes + k)] = std::uint32_t(std::clamp(level, 0.0, top));
      }
  });
  return out;
}

image::Image PatchCodec::image_of(std::span<const std::uint32_t> levels, int width, int height, int channels,
                                  int quality) {
  const TileGrid tiles = grid(width, height);
  const Index codes = model_->encoder()->code_size();
  const double top = std::exp2(quality) - 1;
  image::Image image = image::Image::filled(width, height, channels, 0);
  for_each_tile_batch(tiles, int(patch_.w), kPatchBatch, [&](int first, int count, Shape shape) {
    Matrix h(count, codes);
    for (Index n = 0; n < count; ++n)
      for (Index k = 0; k < codes; ++k)
        h(n, k) = Scalar(low_ + double(levels[std::size_t((first + n) * codes + k)]) * (high_ - low_) / top);
    write_tiles(model_->decoder()->decode(h), tiles, first, shape, image);
  });
  return image;
}

std::string PatchCodec::compress_payload(const image::Image& image, int quality) {
  std::string payload;
  std::uint32_t pending = 0;
  int pending_bits = 0;
  for (const std::uint32_t level : levels(image, quality)) {
    pending = (pending << quality) | level;
    pending_bits += quality;
    while (pending_bits >= 8) {
      pending_bits -= 8;
      payload.push_back(char((pending >> pending_bits) & 255));
    }
  }
  if (pending_bits > 0) payload.push_back(char((pending << (8 - pending_bits)) & 255));
  return payload;
}

image::Image PatchCodec::decompress_payload(std::string_view payload, int width, int height, int channels,
                                            int quality) {
  check_request(quality, channels);
  const std::size_t count = std::size_t(grid(width, height).count()) * std::size_t(model_->encoder()->code_size());
  const std::size_t expected = (count * std::size_t(quality) + 7) / 8;
  if (payload.size() != expected)
    throw Error(fmt::format("patch codec payload of {} bytes: expected {} ({} codes of {} bits)", payload.size(),
                            expected, count, quality));
  std::vector<std::uint32_t> levels(count);
  std::size_t bit = 0;
  for (std::uint32_t& level : levels)
    for (int b = 0; b < quality; ++b, ++bit)
      level = (level << 1) | ((std::uint8_t(payload[bit / 8]) >> (7 - bit % 8)) & 1u);
  return image_of(levels, width, height, channels, quality);
}

image::Image PatchCodec::unquantized(const image::Image& image) {
  check_request(1, image.channels);
  const TileGrid tiles = grid(image.width, image.height);
  image::Image out = image::Image::filled(image.width, image.height, image.channels, 0);
  for_each_tile_batch(tiles, int(patch_.w), kPatchBatch, [&](int first, int count, Shape shape) {
    ConstMatrixRef h = model_->encoder()->encode(tile_rows(image, tiles, first, count, shape));
    write_tiles(model_->decoder()->decode(h), tiles, first, shape, out);
  });
  return out;
}

image::Image PatchCodec::reconstruct(const image::Image& image, int quality) {
  return image_of(levels(image, quality), image.width, image.height, image.channels, quality);
}

}  // namespace aekit::codec
