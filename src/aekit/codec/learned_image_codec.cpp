#include "aekit/codec/learned_image_codec.hpp"

#include <fmt/format.h>

#include <limits>

#include "aekit/codec/latent_coder.hpp"
#include "aekit/error.hpp"
#include "aekit/io/varint.hpp"
#include "aekit/tensor/quantization_kernels.hpp"

namespace aekit::codec {

LearnedImageCodec::LearnedImageCodec(std::unique_ptr<models::LearnedCodec> model, data::Scaling scaling,
                                     std::array<std::uint8_t, 32> identity)
    : ImageCodec(std::move(scaling), identity), model_(std::move(model)) {}

std::string LearnedImageCodec::description() const {
  return fmt::format("learned codec: {}; tiles of {}x{}", model_->description(), kTile, kTile);
}

double LearnedImageCodec::nominal_bpp(int) const { return std::numeric_limits<double>::quiet_NaN(); }

models::LearnedCodec& LearnedImageCodec::codec_for(Shape shape) {
  auto& codec = by_shape_[{shape.h, shape.w}];
  if (!codec) codec = model_->with_input_shape(shape);
  return *codec;
}

std::vector<std::vector<std::int32_t>> LearnedImageCodec::tile_symbols(const image::Image& image, int quality) {
  check_request(quality, image.channels);
  const TileGrid grid{image.width, image.height, kTile};
  const double delta = model_->config().step(quality);
  std::vector<std::vector<std::int32_t>> symbols(std::size_t(grid.count()));
  for_each_tile_batch(grid, int(models::kCodecDownsampling), kTileBatch, [&](int first, int count, Shape shape) {
    ConstMatrixRef y = codec_for(shape).encode(tile_rows(image, grid, first, count, shape));
    for (Index n = 0; n < count; ++n) {
      auto& tile = symbols[std::size_t(first + n)];
      tile.resize(std::size_t(y.cols()));
      quantization_symbols(y.row(n), delta, tile);
    }
  });
  return symbols;
}

image::Image LearnedImageCodec::image_of(const std::vector<std::vector<std::int32_t>>& symbols, int width, int height,
                                         int channels, int quality) {
  const TileGrid grid{width, height, kTile};
  const double delta = model_->config().step(quality);
  image::Image image = image::Image::filled(width, height, channels, 0);
  for_each_tile_batch(grid, int(models::kCodecDownsampling), kTileBatch, [&](int first, int count, Shape shape) {
    models::LearnedCodec& codec = codec_for(shape);
    Matrix latents(count, codec.code_size());
    for (Index n = 0; n < count; ++n) dequantize(symbols[std::size_t(first + n)], delta, latents.row(n));
    write_tiles(codec.decode(latents), grid, first, shape, image);
  });
  return image;
}

std::string LearnedImageCodec::compress_payload(const image::Image& image, int quality) {
  const auto symbols = tile_symbols(image, quality);
  const auto tables = channel_tables(model_->prior(), model_->config().step(quality));
  std::string payload;
  io::append_varint(payload, kTile);
  for (const auto& tile : symbols)
    encode_latents(tile, Index(tile.size()) / Index(tables.size()), tables, payload);
  return payload;
}

image::Image LearnedImageCodec::decompress_payload(std::string_view payload, int width, int height, int channels,
                                                   int quality) {
  check_request(quality, channels);
  const std::uint64_t tile = io::take_varint(payload, "the payload's tile size");
  if (tile != std::uint64_t(kTile))
    throw Error(fmt::format("payload made with tiles of {} pixels: expected {}", tile, kTile));
  const TileGrid grid{width, height, kTile};
  const auto tables = channel_tables(model_->prior(), model_->config().step(quality));
  std::vector<std::vector<std::int32_t>> symbols;
  for (int t = 0; t < grid.count(); ++t) {
    const Shape shape = padded_tile_shape(grid.rect(t), this->channels(), int(models::kCodecDownsampling));
    const Index positions = (shape.h / models::kCodecDownsampling) * (shape.w / models::kCodecDownsampling);
    symbols.push_back(decode_latents(payload, positions, tables));
  }
  if (!payload.empty())
    throw Error(fmt::format("payload holds {} bytes after its last tile (damaged)", payload.size()));
  return image_of(symbols, width, height, channels, quality);
}

image::Image LearnedImageCodec::unquantized(const image::Image& image) {
  check_request(1, image.channels);
  const TileGrid grid{image.width, image.height, kTile};
  image::Image out = image::Image::filled(image.width, image.height, image.channels, 0);
  for_each_tile_batch(grid, int(models::kCodecDownsampling), kTileBatch, [&](int first, int count, Shape shape) {
    models::LearnedCodec& codec = codec_for(shape);
    write_tiles(codec.decode(codec.encode(tile_rows(image, grid, first, count, shape))), grid, first, shape, out);
  });
  return out;
}

image::Image LearnedImageCodec::reconstruct(const image::Image& image, int quality) {
  return image_of(tile_symbols(image, quality), image.width, image.height, image.channels, quality);
}

}  // namespace aekit::codec
