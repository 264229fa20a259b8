#include "aekit/image/jpeg_codec.hpp"

#include <fmt/format.h>

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
// jpeglib.h needs FILE and size_t declared before it.
#include <jpeglib.h>

#include "aekit/error.hpp"
#include "aekit/image/image.hpp"
#include "aekit/tensor/size_limit.hpp"

namespace aekit::image {
namespace {

// libjpeg's error manager plus where to jump and the message of the failure.
struct JpegFailure {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = "";
};

[[noreturn]] void fail(j_common_ptr cinfo) {
  auto* failure = reinterpret_cast<JpegFailure*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, failure->message);
  std::longjmp(failure->jump, 1);
}

// msg_level -1 is a warning (truncated or corrupt data): fail; higher levels are traces.
void on_message(j_common_ptr cinfo, int msg_level) {
  if (msg_level < 0) fail(cinfo);
}

void install(JpegFailure& failure, jpeg_error_mgr*& err) {
  err = jpeg_std_error(&failure.manager);
  failure.manager.error_exit = fail;
  failure.manager.emit_message = on_message;
}

// Everything libjpeg touches lives here, outside the functions that call setjmp, so that
// nothing they modify is a local of theirs.
struct Decoder {
  jpeg_decompress_struct cinfo{};
  JpegFailure failure;
  bool above_size_limit = false;  // the header claims more pixels than the size limit allows
};
struct Encoder {
  jpeg_compress_struct cinfo{};
  JpegFailure failure;
  unsigned char* buffer = nullptr;  // malloc'ed by jpeg_mem_dest
  unsigned long size = 0;
  Encoder() = default;
  Encoder(const Encoder&) = delete;
  Encoder& operator=(const Encoder&) = delete;
  ~Encoder() { std::free(buffer); }
};

// Reads the header and sizes `image`, then the scanlines into it. False on failure.
bool run(Decoder& d, std::string_view bytes, image::Image& image) {
  install(d.failure, d.cinfo.err);
  if (setjmp(d.failure.jump)) {
    jpeg_destroy_decompress(&d.cinfo);
    return false;
  }
  jpeg_create_decompress(&d.cinfo);
  jpeg_mem_src(&d.cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&d.cinfo, TRUE);
  d.cinfo.out_color_space = d.cinfo.jpeg_color_space == JCS_GRAYSCALE ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_start_decompress(&d.cinfo);
  image.width = static_cast<int>(d.cinfo.output_width);
  image.height = static_cast<int>(d.cinfo.output_height);
  image.channels = d.cinfo.output_components;
  if (image::pixel_bytes(image.width, image.height, image.channels) > size_limit()) {
    d.above_size_limit = true;
    jpeg_destroy_decompress(&d.cinfo);
    return false;
  }
  image.pixels.resize(static_cast<std::size_t>(image.width) * image.height * image.channels);
  const std::size_t stride = static_cast<std::size_t>(image.width) * image.channels;
  while (d.cinfo.output_scanline < d.cinfo.output_height) {
    JSAMPROW row = image.pixels.data() + d.cinfo.output_scanline * stride;
    jpeg_read_scanlines(&d.cinfo, &row, 1);
  }
  jpeg_finish_decompress(&d.cinfo);
  jpeg_destroy_decompress(&d.cinfo);
  return true;
}

// Compresses `image` into e.buffer / e.size. False on failure.
bool run(Encoder& e, const image::Image& image, int quality) {
  install(e.failure, e.cinfo.err);
  if (setjmp(e.failure.jump)) {
    jpeg_destroy_compress(&e.cinfo);
    return false;
  }
  jpeg_create_compress(&e.cinfo);
  jpeg_mem_dest(&e.cinfo, &e.buffer, &e.size);
  e.cinfo.image_width = static_cast<JDIMENSION>(image.width);
  e.cinfo.image_height = static_cast<JDIMENSION>(image.height);
  e.cinfo.input_components = image.channels;
  e.cinfo.in_color_space = image.channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&e.cinfo);
  jpeg_set_quality(&e.cinfo, quality, TRUE);
  jpeg_start_compress(&e.cinfo, TRUE);
  const std::size_t stride = static_cast<std::size_t>(image.width) * image.channels;
  while (e.cinfo.next_scanline < e.cinfo.image_height) {
    // libjpeg's API takes non-const rows; it only reads them.
    JSAMPROW row = const_cast<JSAMPLE*>(image.pixels.data()) + e.cinfo.next_scanline * stride;
    jpeg_write_scanlines(&e.cinfo, &row, 1);
  }
  jpeg_finish_compress(&e.cinfo);
  jpeg_destroy_compress(&e.cinfo);
  return true;
}

}  // namespace

std::string encode_jpeg(const image::Image& image, int quality) {
  image::check_consistent(image);
  if (image.channels != 1 && image.channels != 3)
    throw Error(fmt::format(
        "cannot write a JPEG with {} channels: expected 1 (gray) or 3 (RGB)", image.channels));
  if (quality < 1 || quality > 100)
    throw Error(fmt::format("JPEG quality must be 1..100, found {}", quality));
  Encoder encoder;
  if (!run(encoder, image, quality))
    throw Error(fmt::format("JPEG encoding failed: {}", encoder.failure.message));
  return std::string(reinterpret_cast<const char*>(encoder.buffer), encoder.size);
}

image::Image decode_jpeg(std::string_view bytes, const std::string& what) {
  image::Image image;
  Decoder decoder;
  if (!run(decoder, bytes, image)) {
    if (decoder.above_size_limit) image::check_pixel_claim(image.width, image.height, image.channels, what);
    throw Error(fmt::format("{} is a damaged or unsupported JPEG image ({}); expected a complete "
                            "gray or colour JPEG file",
                            what, decoder.failure.message));
  }
  return image;
}

}  // namespace aekit::image
