// NPY files (any version, dtype and byte order; gzipped or raw).
#include "aekit/data/npy.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = aekit::fuzz::input_file(aekit::fuzz::input_text(data, size), "input.npy");
  aekit::fuzz::run_loader([&] { aekit::data::read_npy(path); });
  return 0;
}
