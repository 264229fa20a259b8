// Numeric CSV files (header, comments, quotes; gzipped or raw).
#include "aekit/data/csv.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = aekit::fuzz::input_file(aekit::fuzz::input_text(data, size), "input.csv");
  aekit::fuzz::run_loader([&] { aekit::data::read_csv(path); });
  return 0;
}
