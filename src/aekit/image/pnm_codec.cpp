#include "aekit/image/pnm_codec.hpp"

#include <fmt/format.h>

#include <cctype>
#include <limits>

#include "aekit/error.hpp"
#include "aekit/image/image.hpp"

namespace aekit::image {
namespace {

// Reads decimal numbers and raw bytes from `bytes`, tracking the position.
class PnmReader {
 public:
  PnmReader(std::string_view bytes, const std::string& what) : bytes_(bytes), what_(what) {}

  // The next decimal number after whitespace and comments; `name` says what it is.
  unsigned number(const char* name) {
    skip_space_and_comments();
    if (pos_ >= bytes_.size() || !std::isdigit(static_cast<unsigned char>(bytes_[pos_])))
      throw Error(fmt::format("{} is not a valid PGM/PPM image: expected the {} as a decimal "
                              "number at byte {}, found {}",
                              what_, name, pos_, pos_ < bytes_.size() ? "other text" : "the end"));
    unsigned long value = 0;
    while (pos_ < bytes_.size() && std::isdigit(static_cast<unsigned char>(bytes_[pos_]))) {
      value = value * 10 + static_cast<unsigned>(bytes_[pos_++] - '0');
      if (value > std::numeric_limits<int>::max())
        throw Error(fmt::format("{} is not a valid PGM/PPM image: the {} is too large", what_,
                                name));
    }
    return static_cast<unsigned>(value);
  }

  // The single whitespace byte between the header and binary samples.
  void end_of_header() {
    if (pos_ >= bytes_.size() || !std::isspace(static_cast<unsigned char>(bytes_[pos_])))
      throw Error(fmt::format("{} is not a valid PGM/PPM image: expected one whitespace byte "
                              "after maxval",
                              what_));
    ++pos_;
  }

  // The next binary sample of `width` (1 or 2, big-endian) bytes.
  unsigned binary_sample(int width) {
    if (pos_ + width > bytes_.size())
      throw Error(fmt::format("{} is a truncated PGM/PPM image: it ends at byte {} before the "
                              "last sample",
                              what_, bytes_.size()));
    unsigned value = 0;
    for (int i = 0; i < width; ++i) value = value << 8 | static_cast<unsigned char>(bytes_[pos_++]);
    return value;
  }

  void skip(std::size_t count) { pos_ += count; }

 private:
  void skip_space_and_comments() {
    while (pos_ < bytes_.size()) {
      if (bytes_[pos_] == '#')
        while (pos_ < bytes_.size() && bytes_[pos_] != '\n') ++pos_;
      else if (std::isspace(static_cast<unsigned char>(bytes_[pos_])))
        ++pos_;
      else
        return;
    }
  }

  std::string_view bytes_;
  const std::string& what_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string encode_pnm(const image::Image& image) {
  image::check_consistent(image);
  if (image.channels != 1 && image.channels != 3)
    throw Error(fmt::format(
        "cannot write a PGM/PPM image with {} channels: expected 1 (gray) or 3 (RGB)",
        image.channels));
  std::string bytes = fmt::format("P{}\n{} {}\n255\n", image.channels == 1 ? 5 : 6, image.width,
                                  image.height);
  bytes.append(reinterpret_cast<const char*>(image.pixels.data()), image.pixels.size());
  return bytes;
}

image::Image decode_pnm(std::string_view bytes, const std::string& what) {
  const char kind = bytes.size() >= 2 && bytes[0] == 'P' ? bytes[1] : '?';
  if (kind != '2' && kind != '3' && kind != '5' && kind != '6')
    throw Error(fmt::format("{} is not a PGM/PPM image: expected magic P2, P3, P5 or P6", what));
  const bool ascii = kind == '2' || kind == '3';
  PnmReader reader(bytes, what);
  reader.skip(2);
  image::Image image;
  image.channels = kind == '3' || kind == '6' ? 3 : 1;
  image.width = static_cast<int>(reader.number("width"));
  image.height = static_cast<int>(reader.number("height"));
  const unsigned maxval = reader.number("maxval");
  if (image.width == 0 || image.height == 0 || maxval == 0 || maxval > 65535)
    throw Error(fmt::format("{} has a bad PGM/PPM header: expected positive width and height "
                            "and maxval 1..65535, found {}x{}, maxval {}",
                            what, image.width, image.height, maxval));
  image::check_pixel_claim(image.width, image.height, image.channels, what);
  const std::size_t count = static_cast<std::size_t>(image.width) * image.height * image.channels;
  // Every sample takes at least one byte (ASCII) or sample_bytes (binary): checked before
  // allocating for them.
  const int sample_bytes = maxval < 256 ? 1 : 2;
  if (!ascii) reader.end_of_header();
  if (count > bytes.size() / (ascii ? 1 : sample_bytes))
    throw Error(fmt::format("{} is a truncated PGM/PPM image: {}x{}x{} samples need more than "
                            "its {} bytes",
                            what, image.width, image.height, image.channels, bytes.size()));
  image.pixels.resize(count);
  for (auto& pixel : image.pixels) {
    const unsigned v = ascii ? reader.number("sample") : reader.binary_sample(sample_bytes);
    if (v > maxval)
      throw Error(fmt::format("{} has a PGM/PPM sample {} above its maxval {}", what, v, maxval));
    pixel = static_cast<std::uint8_t>((v * 255u + maxval / 2) / maxval);
  }
  return image;
}

}  // namespace aekit::image
