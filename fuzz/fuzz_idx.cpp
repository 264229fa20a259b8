// IDX files, raw and gzipped (the loader unpacks gzip by its magic): as images and as labels.
#include "aekit/data/idx.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = aekit::fuzz::input_file(aekit::fuzz::input_text(data, size), "input.idx");
  aekit::fuzz::run_loader([&] { aekit::data::read_idx_images(path); });
  aekit::fuzz::run_loader([&] { aekit::data::read_idx_labels(path); });
  return 0;
}
