#pragma once
// A learned codec (models/codec/learned_codec.hpp) as an image codec. The image is cut into
// tiles of 256 x 256 (the last row and column smaller), each padded by edge replication to a
// multiple of 16 and coded alone, so memory stays that of a tile batch whatever the image's
// size (up to 4 tiles of equal size run as one batch, split over the threads):
//   y = g_a(tile);  k = round(y / delta_q);  entropy-coded per tile (latent_coder.hpp)
//   tile^ = g_s(delta_q k), cropped; pixels = round(clamp(inverse scaling(tile^)))
// Payload: varint tile side, then each tile's coded latents in row-major tile order.
// Tiles are independent, so their borders can show seams at low qualities.
#include <map>
#include <memory>
#include <utility>

#include "aekit/codec/image_codec.hpp"
#include "aekit/models/codec/learned_codec.hpp"

namespace aekit::codec {

class LearnedImageCodec final : public ImageCodec {
 public:
  static constexpr int kTile = 256, kTileBatch = 4;

  LearnedImageCodec(std::unique_ptr<models::LearnedCodec> model, data::Scaling scaling,
                    std::array<std::uint8_t, 32> identity);

  std::string description() const override;
  int qualities() const override { return model_->config().qualities(); }
  Index channels() const override { return model_->input_shape().c; }
  double nominal_bpp(int) const override;  // NaN: the rate depends on the image

  std::string compress_payload(const image::Image& image, int quality) override;
  image::Image decompress_payload(std::string_view payload, int width, int height, int channels,
                                  int quality) override;
  image::Image reconstruct(const image::Image& image, int quality) override;
  image::Image unquantized(const image::Image& image) override;

 private:
  // The codec for tiles of `shape` (built once per shape, sharing the model's values).
  models::LearnedCodec& codec_for(Shape shape);
  // The symbols of each tile, in tile order.
  std::vector<std::vector<std::int32_t>> tile_symbols(const image::Image& image, int quality);
  image::Image image_of(const std::vector<std::vector<std::int32_t>>& symbols, int width, int height, int channels,
                        int quality);

  std::unique_ptr<models::LearnedCodec> model_;
  std::map<std::pair<Index, Index>, std::unique_ptr<models::LearnedCodec>> by_shape_;
};

}  // namespace aekit::codec
