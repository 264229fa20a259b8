#pragma once
// An image codec built on a trained model (`aekit compress`, `decompress`, `codec-eval`):
// images in, .aeimg payloads out (io/compressed_image.hpp), at a quality 1..Q (1 = smallest).
// Two kinds (open_codec.hpp picks by the model file):
//   patch_codec.hpp          lecture 000's: an autoencoder on P x P patches, its bounded codes
//                            uniformly quantized to `quality` bits each, stored as they are
//   learned_image_codec.hpp  a learned codec (models/codec): quantized latents, entropy-coded
// Every codec keeps one rule that makes decompress(compress(x)) exact: both run the same code
// from the quantized symbols to the pixels, so decompress(compress(image, q)) equals
// reconstruct(image, q) bit for bit (and both are independent of the thread count).
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "aekit/codec/image_tiles.hpp"
#include "aekit/data/scaling.hpp"
#include "aekit/image/image.hpp"
#include "aekit/io/compressed_image.hpp"
#include "aekit/models/model.hpp"

namespace aekit::codec {

class ImageCodec {
 public:
  // `identity`: the model's (store::model_identity: SHA-256 of its model, scaling and state).
  ImageCodec(data::Scaling scaling, std::array<std::uint8_t, 32> identity)
      : scaling_(std::move(scaling)), identity_(identity) {}
  virtual ~ImageCodec() = default;

  virtual std::string description() const = 0;
  virtual int qualities() const = 0;
  virtual Index channels() const = 0;  // the model's: 1 (gray) or 3 (RGB)
  // Bits per pixel at `quality` as the lecture counts them (codes x bits / pixels of a patch),
  // before any file overhead; NaN for a codec whose rate depends on the image.
  virtual double nominal_bpp(int quality) const = 0;

  // The payload of `image` at `quality`.
  virtual std::string compress_payload(const image::Image& image, int quality) = 0;
  // The image back from a payload; Error when the payload is damaged.
  virtual image::Image decompress_payload(std::string_view payload, int width, int height, int channels,
                                          int quality) = 0;
  // What decompress(compress(image)) gives, without coding: the model's quantized reconstruction.
  virtual image::Image reconstruct(const image::Image& image, int quality) = 0;
  // The model's reconstruction from codes that are not quantized (lecture 000's "compression"
  // before rounding).
  virtual image::Image unquantized(const image::Image& image) = 0;

  const std::array<std::uint8_t, 32>& identity() const { return identity_; }
  const data::Scaling& scaling() const { return scaling_; }
  // UsageError unless quality is 1..qualities() and the image has 1 channel or channels().
  void check_request(int quality, int image_channels) const;

 protected:
  // Runs fn(first, count, shape) over the grid's tiles in order, in batches of at most
  // `batch` consecutive tiles with the same padded shape (C = channels(), sides multiples of
  // `multiple`), so a batch is one model call.
  void for_each_tile_batch(const TileGrid& grid, int multiple, int batch,
                           const std::function<void(int first, int count, Shape shape)>& fn) const;
  // The scaled rows of tiles first .. first + count - 1, [count, shape.size()].
  Matrix tile_rows(const image::Image& image, const TileGrid& grid, int first, int count, Shape shape) const;
  // Model outputs [count, shape.size()] back into the tiles' pixels (scaling inverted).
  void write_tiles(ConstMatrixRef outputs, const TileGrid& grid, int first, Shape shape, image::Image& image) const;

 private:
  data::Scaling scaling_;
  std::array<std::uint8_t, 32> identity_;
};

// The whole file around a payload, and its way back. decompress refuses, in one line, a file
// made by another model (the identities differ) or with a quality the codec lacks.
io::CompressedImage compress(ImageCodec& codec, const image::Image& image, int quality);
image::Image decompress(ImageCodec& codec, const io::CompressedImage& file, std::string_view name);

}  // namespace aekit::codec
