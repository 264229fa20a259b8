#include "support/run_files.hpp"

#include <gtest/gtest.h>

#include "aekit/io/model_file.hpp"
#include "aekit/store/saved_model.hpp"

namespace aekit::test {

namespace fs = std::filesystem;

ModelBits model_bits(const fs::path& run) {
  const auto file = io::load_model_file(run / "model.aek");
  return {file.header.at("model"), file.blob};
}

void expect_files_load(const fs::path& run) {
  if (!fs::exists(run)) return;
  for (const auto& entry : fs::directory_iterator(run)) {
    const fs::path path = entry.path();
    if (path.extension() != ".aek" || path.filename().string().starts_with(".")) continue;
    SCOPED_TRACE(path.string());
    try {
      if (path.filename() == "model.aek") store::load_model(path);
      else io::load_model_file(path);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "a file left by a stopped run does not load: " << e.what();
    }
  }
}

}  // namespace aekit::test
