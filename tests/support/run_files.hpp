#pragma once
// What a run folder holds, for the tests that stop runs abruptly (kills, full disks).
#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

namespace aekit::test {

// A finished run's model file, as far as the run's outcome goes: the model's JSON and its values.
struct ModelBits {
  nlohmann::json model;
  std::vector<float> values;
  bool operator==(const ModelBits&) const = default;
};
ModelBits model_bits(const std::filesystem::path& run);

// Every .aek file in `run` loads (GoogleTest failures otherwise): model.aek as a model, any
// other (the checkpoint) as a checked file (magic, header, CRC-32).
void expect_files_load(const std::filesystem::path& run);

}  // namespace aekit::test
