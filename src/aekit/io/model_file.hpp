#pragma once
// The .aek model file: a JSON header and one float32 blob in the checked container of
// io/checked_file.hpp (magic "AEK1", version, header, blob, CRC-32; total 28 + H + 4*B bytes).
// Loading checks magic, version, sizes, checksum and JSON in that order and throws
// aekit::Error with a one-line message naming the file for each failure. Saving is atomic:
// an existing file is replaced only once the new one is fully written.
#include <cstdint>
#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

namespace aekit::io {

inline constexpr std::uint32_t kModelFormatVersion = 1;

struct ModelFile {
  nlohmann::json header;    // what the blob holds and how to rebuild the model
  std::vector<float> blob;  // all parameters, in the order the header describes
};

void save_model_file(const std::filesystem::path& path, const ModelFile& model);

ModelFile load_model_file(const std::filesystem::path& path);

}  // namespace aekit::io
