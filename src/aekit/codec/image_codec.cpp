#include "aekit/codec/image_codec.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::codec {

void ImageCodec::for_each_tile_batch(const TileGrid& grid, int multiple, int batch,
                                     const std::function<void(int, int, Shape)>& fn) const {
  int first = 0;
  while (first < grid.count()) {
    const Shape shape = padded_tile_shape(grid.rect(first), channels(), multiple);
    int count = 1;
    while (count < batch && first + count < grid.count() &&
           padded_tile_shape(grid.rect(first + count), channels(), multiple) == shape)
      ++count;
    fn(first, count, shape);
    first += count;
  }
}

Matrix ImageCodec::tile_rows(const image::Image& image, const TileGrid& grid, int first, int count, Shape shape) const {
  Matrix rows(count, shape.size());
  for (int i = 0; i < count; ++i) tile_to_row(image, grid.rect(first + i), shape, rows.row(i));
  scaling_.apply(rows);
  return rows;
}

void ImageCodec::write_tiles(ConstMatrixRef outputs, const TileGrid& grid, int first, Shape shape,
                             image::Image& image) const {
  Matrix pixels = outputs;
  scaling_.invert(pixels);
  for (Index i = 0; i < pixels.rows(); ++i) row_to_tile(pixels.row(i), shape, grid.rect(first + int(i)), image);
}

void ImageCodec::check_request(int quality, int image_channels) const {
  if (quality < 1 || quality > qualities())
    throw UsageError(fmt::format("quality: expected 1 to {} for this codec, found {}", qualities(), quality));
  if (image_channels != 1 && image_channels != channels())
    throw UsageError(fmt::format("the codec codes {} images ({} channel{}): the image has {} channels",
                                 channels() == 1 ? "gray" : "RGB", channels(), channels() == 1 ? "" : "s",
                                 image_channels));
}

io::CompressedImage compress(ImageCodec& codec, const image::Image& image, int quality) {
  image::check_consistent(image);
  codec.check_request(quality, image.channels);
  io::CompressedImage file;
  file.width = std::uint32_t(image.width);
  file.height = std::uint32_t(image.height);
  file.channels = std::uint32_t(image.channels);
  file.codec_identity = codec.identity();
  file.quality = std::uint32_t(quality);
  file.payload = codec.compress_payload(image, quality);
  return file;
}

image::Image decompress(ImageCodec& codec, const io::CompressedImage& file, std::string_view name) {
  if (file.codec_identity != codec.identity())
    throw Error(fmt::format("{} was compressed by another codec model: decompress it with the model that wrote it "
                            "(the file's model identity differs from this codec's)", name));
  if (file.quality < 1 || file.quality > std::uint32_t(codec.qualities()))
    throw Error(fmt::format("{}: quality {} is not one of this codec's 1 to {}", name, file.quality, codec.qualities()));
  if (file.channels != 1 && file.channels != std::uint32_t(codec.channels()))
    throw Error(fmt::format("{}: a {}-channel image cannot come from this {}-channel codec", name, file.channels,
                            codec.channels()));
  try {
    return codec.decompress_payload(file.payload, int(file.width), int(file.height), int(file.channels),
                                    int(file.quality));
  } catch (const Error& e) {
    throw Error(fmt::format("{}: {}", name, e.what()));
  }
}

}  // namespace aekit::codec
