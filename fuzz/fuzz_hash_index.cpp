// Hash index files (.aeki, retrieval/hash_index_file.hpp): container, header and codes.
#include "aekit/retrieval/hash_index_file.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = aekit::fuzz::input_file(aekit::fuzz::with_valid_crc(data, size), "index.aeki");
  aekit::fuzz::run_loader([&] { aekit::retrieval::load_hash_index(path); });
  return 0;
}
