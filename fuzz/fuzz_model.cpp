// .aek model files (store/saved_model.hpp): the checked container, the JSON header, the
// model it describes rebuilt through the registry; a model small enough to run cheaply then
// reconstructs two rows, since the header drives every size.
#include "aekit/store/saved_model.hpp"
#include "fuzz_input.hpp"

namespace {
constexpr aekit::Index kRunnableSize = 1 << 16;  // values per row, and in the state, at most
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = aekit::fuzz::input_file(aekit::fuzz::with_valid_crc(data, size), "model.aek");
  aekit::fuzz::run_loader([&] {
    auto saved = aekit::store::load_model(path);
    auto& model = *saved.model;
    model.description();
    auto* reconstructor = model.reconstructor();
    if (!reconstructor || model.input_size() > kRunnableSize || model.state_size() > kRunnableSize) return;
    reconstructor->reconstruct(aekit::Matrix::Constant(2, model.input_size(), 0.5f));
  });
  return 0;
}
