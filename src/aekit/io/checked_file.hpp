#pragma once
// The container of aekit's binary files (models and checkpoints `.aek`, hash indexes `.aeki`):
// a magic, a version, a JSON header and one blob of fixed-size elements, checked on load.
//
// Layout (all integers little-endian):
//   offset 0        4 bytes   magic (the kind's, e.g. "AEK1")
//          4        uint32    format version
//          8        uint64    H = length of the header in bytes
//          16       H bytes   header: JSON text, UTF-8
//          16+H     uint64    B = number of elements in the blob
//          24+H     E*B bytes the blob, elements of E bytes, little-endian
//          24+H+EB  uint32    CRC-32 of every byte before it
// total size = 28 + H + E*B bytes.
//
// Loading checks magic, version, sizes, checksum and JSON in that order and throws
// aekit::Error with a one-line message naming the file for each failure. Saving is atomic:
// an existing file is replaced only once the new one is fully written.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace aekit::io {

// What distinguishes one kind of file from another.
struct CheckedFileKind {
  std::string_view magic;       // 4 bytes
  std::uint32_t version;        // the newest this aekit writes and reads
  std::string_view noun;        // "an aekit model", in "'x' is not an aekit model"
  std::size_t element_bytes;    // E
  std::string_view blob_name;   // "float32 blob", in "expected 40 bytes of float32 blob"
};

struct CheckedFile {
  nlohmann::json header;
  std::string blob;  // E*B bytes, as stored (little-endian elements)
};

// blob.size() must be a multiple of kind.element_bytes.
void save_checked_file(const std::filesystem::path& path, const CheckedFileKind& kind,
                       const nlohmann::json& header, std::string_view blob);

CheckedFile load_checked_file(const std::filesystem::path& path, const CheckedFileKind& kind);

}  // namespace aekit::io
