// The data-set spec texts of the command line and configs (data/dataset_spec.hpp), and the
// image shapes they may carry (?shape=CxHxW, tensor/shape_text.hpp).
#include <string>

#include "aekit/data/dataset_spec.hpp"
#include "aekit/tensor/shape_text.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(aekit::fuzz::input_text(data, size));
  aekit::fuzz::run_loader([&] { aekit::data::parse_dataset_spec(text); });
  aekit::fuzz::run_loader([&] { aekit::parse_image_shape(text); });
  return 0;
}
