#pragma once
// The .aek model file: a JSON header and one float32 blob, checked on load.
//
// Layout (all integers little-endian):
//   offset 0        4 bytes   magic "AEK1"
//          4        uint32    format version (kModelFormatVersion)
//          8        uint64    H = length of the header in bytes
//          16       H bytes   header: JSON text, UTF-8 (architecture, scaling, config, ...)
//          16+H     uint64    B = number of float32 values in the blob
//          24+H     4*B bytes the blob, float32 little-endian
//          24+H+4B  uint32    CRC-32 of every byte before it
// total size = 28 + H + 4*B bytes.
//
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
