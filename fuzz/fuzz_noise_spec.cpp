// Input-corruption specs ("gaussian:0.1:clip", models/autoencoder/corruption.hpp): parsed,
// validated, written back and read again (the same corruption), then applied to a few rows.
#include "aekit/models/autoencoder/corruption.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aekit::fuzz::run_loader([&] {
    const auto corruption = aekit::models::Corruption::parse(aekit::fuzz::input_text(data, size));
    corruption.validate();
    const auto again = aekit::models::Corruption::parse(corruption.name());
    AEKIT_ASSERT(again.name() == corruption.name());  // name() reads back as the same corruption
    aekit::Matrix clean = aekit::Matrix::Constant(3, 5, 0.5f), noisy(3, 5);
    aekit::Rng rng(1);
    corruption.apply(clean, noisy, rng);
  });
  return 0;
}
