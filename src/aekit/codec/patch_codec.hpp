#pragma once
// Lecture 000's codec: an autoencoder on P x P patches (e.g. 64-16-64 tanh on 8x8 patches
// scaled to [-1, 1]) codes an image patch by patch (non-overlapping, row-major; a border patch
// padded by edge replication), and quality b = bits per code:
//   level = round((h - lo) / (hi - lo) (2^b - 1)), clamped to 0 .. 2^b - 1
//   h^    = lo + level (hi - lo) / (2^b - 1)     [lo, hi] = the code activation's range:
//                                               tanh [-1, 1], sigmoid [0, 1]
// The payload is the levels as they are, b bits each, most significant bit first, patch by
// patch and code by code (no entropy coding: the lecture's rate, K b / P^2 bits per pixel,
// plus the file's 68 bytes and a last partial byte).
#include <memory>

#include "aekit/codec/image_codec.hpp"

namespace aekit::codec {

class PatchCodec final : public ImageCodec {
 public:
  // `model` must encode and decode rows of shape C x P x P (C 1 or 3) with a tanh or sigmoid
  // code: UsageError naming what it lacks otherwise. `name` names the model file in messages.
  PatchCodec(std::unique_ptr<models::Model> model, Shape patch, data::Scaling scaling,
             std::array<std::uint8_t, 32> identity, const std::string& name);

  static constexpr int kMaxBits = 8;

  std::string description() const override;
  int qualities() const override { return kMaxBits; }
  Index channels() const override { return patch_.c; }
  double nominal_bpp(int quality) const override;

  std::string compress_payload(const image::Image& image, int quality) override;
  image::Image decompress_payload(std::string_view payload, int width, int height, int channels,
                                  int quality) override;
  image::Image reconstruct(const image::Image& image, int quality) override;
  image::Image unquantized(const image::Image& image) override;

 private:
  std::vector<std::uint32_t> levels(const image::Image& image, int quality);
  image::Image image_of(std::span<const std::uint32_t> levels, int width, int height, int channels, int quality);
  TileGrid grid(int width, int height) const { return {width, height, int(patch_.w)}; }

  std::unique_ptr<models::Model> model_;
  Shape patch_;
  double low_ = -1, high_ = 1;  // the code's range
};

}  // namespace aekit::codec
