#include "aekit/retrieval/hash_index_file.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstring>

#include "aekit/error.hpp"
#include "aekit/io/checked_file.hpp"
#include "aekit/io/sha256.hpp"

namespace aekit::retrieval {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the words are copied as they are; a big-endian host needs a byte swap here");

constexpr io::CheckedFileKind kHashIndexKind{"AEKH", kHashIndexFormatVersion, "an aekit hash index",
                                             sizeof(std::uint64_t), "64-bit code words"};

std::array<std::uint8_t, 32> digest_from_hex(const std::string& hex) {
  std::array<std::uint8_t, 32> digest{};
  if (hex.size() != 64) throw Error(fmt::format("expected 64 hex digits, found {} characters", hex.size()));
  for (std::size_t i = 0; i < 32; ++i) {
    const std::string pair = hex.substr(2 * i, 2);
    if (pair.find_first_not_of("0123456789abcdef") != std::string::npos)
      throw Error(fmt::format("expected hex digits, found '{}'", pair));
    digest[i] = std::uint8_t(std::stoul(pair, nullptr, 16));
  }
  return digest;
}

// The header's fields, each checked; a message naming what is wrong (the caller names the file).
HashIndex parse_header(const nlohmann::json& header, std::vector<std::uint64_t> words) {
  if (header.value("format", std::string()) != "aekit-hash-index")
    throw Error("its header is not a hash index's (expected \"format\": \"aekit-hash-index\")");
  HashIndex index;
  const auto& model = header.at("model");
  index.model_sha256 = digest_from_hex(model.at("sha256").get<std::string>());
  index.model_file = model.at("file").get<std::string>();
  index.model_kind = model.at("kind").get<std::string>();
  index.data = header.at("data").get<std::string>();
  const auto rows = header.at("rows").get<std::int64_t>();
  const auto bits = header.at("bits").get<int>();
  if (rows < 0 || bits < 1) throw Error(fmt::format("expected rows >= 0 and bits >= 1, found {} and {}", rows, bits));
  index.thresholds = header.at("thresholds").get<std::vector<float>>();
  if (index.thresholds.size() != std::size_t(bits))
    throw Error(fmt::format("expected {} thresholds (one per bit), found {}", bits, index.thresholds.size()));
  if (header.contains("labels")) {
    index.labels = header.at("labels").get<std::vector<std::int32_t>>();
    if (index.labels.size() != std::size_t(rows))
      throw Error(fmt::format("expected {} labels (one per row), found {}", rows, index.labels.size()));
  }
  index.codes = BinaryCodes::from_words(rows, bits, std::move(words));
  return index;
}

}  // namespace

void save_hash_index(const std::filesystem::path& path, const HashIndex& index) {
  AEKIT_ASSERT(index.thresholds.size() == std::size_t(index.codes.bits()));
  AEKIT_ASSERT(index.labels.empty() || index.labels.size() == std::size_t(index.codes.rows()));
  nlohmann::json header = {
      {"format", "aekit-hash-index"},
      {"model", {{"sha256", io::digest_hex(index.model_sha256)}, {"file", index.model_file}, {"kind", index.model_kind}}},
      {"data", index.data},
      {"rows", index.codes.rows()},
      {"bits", index.codes.bits()},
      {"thresholds", index.thresholds}};
  if (!index.labels.empty()) header["labels"] = index.labels;
  const auto words = index.codes.words();
  io::save_checked_file(path, kHashIndexKind, header,
                        std::string_view(reinterpret_cast<const char*>(words.data()), words.size_bytes()));
}

HashIndex load_hash_index(const std::filesystem::path& path) {
  const io::CheckedFile file = io::load_checked_file(path, kHashIndexKind);
  std::vector<std::uint64_t> words(file.blob.size() / sizeof(std::uint64_t));
  if (!words.empty()) std::memcpy(words.data(), file.blob.data(), file.blob.size());
  try {
    return parse_header(file.header, std::move(words));
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("'{}' is corrupt: its header lacks a field or has one of the wrong type ({})",
                            path.string(), e.what()));
  } catch (const Error& e) {
    throw Error(fmt::format("'{}' is corrupt: {}", path.string(), e.what()));
  }
}

}  // namespace aekit::retrieval
