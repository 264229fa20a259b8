// TOML configs of `aekit train --config` (settings/train_config.hpp): merged into the
// defaults, validated, and written back as the run's config.toml.
#include "aekit/settings/train_config.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = aekit::fuzz::input_file(aekit::fuzz::input_text(data, size), "config.toml");
  aekit::fuzz::run_loader([&] {
    auto config = aekit::train::TrainConfig::defaults();
    config.merge_toml_file(path);
    config.validate();
    config.to_toml();
  });
  return 0;
}
