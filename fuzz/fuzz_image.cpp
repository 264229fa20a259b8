// Image bytes through aekit's wrappers: PNG, JPEG, WebP, PGM/PPM (told by their magic).
#include "aekit/image/image_file.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aekit::fuzz::run_loader([&] { aekit::image::decode_image(aekit::fuzz::input_text(data, size)); });
  return 0;
}
