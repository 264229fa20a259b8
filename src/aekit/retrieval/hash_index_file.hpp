#pragma once
// The hash index file `.aeki` (`aekit index`, `aekit search`): the binary codes of a data set's
// rows under one trained model, in the checked container of io/checked_file.hpp (magic "AEKH",
// version, JSON header, the codes' 64-bit words, CRC-32), written atomically.
//
// Header: {"format": "aekit-hash-index", "model": {"sha256": 64 hex digits, "file": the model's
// absolute path when indexed, "kind"}, "data": the indexed data set's spec, "rows": N, "bits": B,
// "thresholds": [B] (a code unit's bit is [code > threshold]), "labels": [N] (absent when the
// data had none)}; blob: N * ceil(B / 64) little-endian words, row-major (binary_codes.hpp).
// Loading checks the container, then the header's fields against each other and the blob.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "aekit/retrieval/binary_codes.hpp"

namespace aekit::retrieval {

inline constexpr std::uint32_t kHashIndexFormatVersion = 1;

struct HashIndex {
  std::array<std::uint8_t, 32> model_sha256{};  // store::model_identity of the model that made the codes
  std::string model_file;                       // where that model was, for `search` without --model
  std::string model_kind;
  std::string data;                             // the indexed data set's spec
  std::vector<float> thresholds;                // [B]
  BinaryCodes codes{0, 1};
  std::vector<std::int32_t> labels;             // [N], or empty
};

void save_hash_index(const std::filesystem::path& path, const HashIndex& index);
HashIndex load_hash_index(const std::filesystem::path& path);  // Error naming the file

}  // namespace aekit::retrieval
