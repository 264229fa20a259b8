#include "aekit/io/model_file.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstring>
#include <string>
#include <string_view>

#include "aekit/error.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/io/binary.hpp"
#include "aekit/io/checksum.hpp"
#include "aekit/io/file_bytes.hpp"
#include "aekit/io/printable.hpp"

namespace aekit::io {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the float32 blob is copied as is; a big-endian host needs a byte swap here");

constexpr std::string_view kMagic = "AEK1";
constexpr std::uint64_t kFixedBytes = 4 + 4 + 8 + 8 + 4;  // magic, version, H, B, CRC

std::string serialize_header(const std::filesystem::path& path, const nlohmann::json& header) {
  try {
    return header.dump();
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("cannot write '{}': the model header is not valid JSON ({})",
                            path.string(), e.what()));
  }
}

// Reads the file's fields one after the other, checking that each is there.
class Reader {
 public:
  Reader(const std::filesystem::path& path, std::string_view bytes) : path_(path), bytes_(bytes) {}

  std::uint64_t remaining() const { return bytes_.size() - offset_; }
  std::uint64_t offset() const { return offset_; }

  template <typename T>
  T take(const char* what) {
    need(sizeof(T), what);
    const T value = load_le<T>(bytes_.data() + offset_);
    offset_ += sizeof(T);
    return value;
  }

  std::string_view take_bytes(std::uint64_t count, const char* what) {
    need(count, what);
    const auto view = bytes_.substr(offset_, count);
    offset_ += count;
    return view;
  }

  [[noreturn]] void truncated(std::uint64_t count, const char* what) const {
    throw Error(fmt::format(
        "'{}' is truncated: expected {} bytes of {} at offset {}, the file has {} bytes left "
        "(was it copied or saved only in part?)",
        path_.string(), count, what, offset_, remaining()));
  }

 private:
  void need(std::uint64_t count, const char* what) const {
    if (count > remaining()) truncated(count, what);
  }

  const std::filesystem::path& path_;
  std::string_view bytes_;
  std::uint64_t offset_ = 0;
};

void check_magic(const std::filesystem::path& path, std::string_view bytes) {
  const auto found = bytes.substr(0, kMagic.size());
  if (found == kMagic) return;
  throw Error(fmt::format("'{}' is not an aekit model: expected magic {}, found '{}'{}",
                          path.string(), kMagic, printable(found),
                          bytes.size() < kMagic.size()
                              ? fmt::format(" (the file has only {} bytes)", bytes.size())
                              : ""));
}

}  // namespace

void save_model_file(const std::filesystem::path& path, const ModelFile& model) {
  const std::string header_text = serialize_header(path, model.header);
  std::string head;  // magic, version, H, header, B: small, so built in memory
  head.append(kMagic);
  append_le<std::uint32_t>(head, kModelFormatVersion);
  append_le<std::uint64_t>(head, header_text.size());
  head.append(header_text);
  append_le<std::uint64_t>(head, model.blob.size());

  atomic_write_with(path, [&](std::ostream& out) {
    Crc32 crc;
    crc.update(head);
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
    const auto blob_bytes = model.blob.size() * sizeof(float);
    crc.update(model.blob.data(), blob_bytes);
    out.write(reinterpret_cast<const char*>(model.blob.data()),
              static_cast<std::streamsize>(blob_bytes));
    std::string tail;
    append_le<std::uint32_t>(tail, crc.value());
    out.write(tail.data(), static_cast<std::streamsize>(tail.size()));
  });
}

ModelFile load_model_file(const std::filesystem::path& path) {
  const std::string bytes = read_file_bytes(path);
  check_magic(path, bytes);
  Reader reader(path, bytes);
  reader.take_bytes(kMagic.size(), "magic");

  const auto version = reader.take<std::uint32_t>("format version");
  if (version > kModelFormatVersion)
    throw Error(fmt::format(
        "'{}' was written by a newer aekit: format version {}, this aekit reads {} "
        "(upgrade aekit to load it)",
        path.string(), version, kModelFormatVersion));
  if (version != kModelFormatVersion)
    throw Error(fmt::format("'{}' has an unknown format version {}, this aekit reads {}",
                            path.string(), version, kModelFormatVersion));

  const auto header_size = reader.take<std::uint64_t>("header length");
  const auto header_text = reader.take_bytes(header_size, "JSON header");
  const auto count = reader.take<std::uint64_t>("blob length");
  if (count > reader.remaining() / sizeof(float)) reader.truncated(count * 4, "float32 blob");
  const auto blob_bytes = reader.take_bytes(count * sizeof(float), "float32 blob");
  const auto covered = reader.offset();
  const auto stored_crc = reader.take<std::uint32_t>("CRC-32");
  if (reader.remaining() != 0)
    throw Error(fmt::format(
        "'{}' is corrupt: {} unexpected bytes after the checksum (expected {} bytes in all, "
        "found {})",
        path.string(), reader.remaining(), kFixedBytes + header_size + 4 * count, bytes.size()));

  const auto computed_crc = crc32(std::string_view(bytes).substr(0, covered));
  if (computed_crc != stored_crc)
    throw Error(fmt::format(
        "'{}' is corrupt: CRC-32 expected 0x{:08x}, found 0x{:08x} (the file was damaged "
        "after it was written; use another copy)",
        path.string(), stored_crc, computed_crc));

  ModelFile model;
  try {
    model.header = nlohmann::json::parse(header_text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(fmt::format("'{}' is corrupt: its header is not valid JSON ({})", path.string(),
                            e.what()));
  }
  model.blob.resize(count);
  if (count != 0) std::memcpy(model.blob.data(), blob_bytes.data(), blob_bytes.size());
  return model;
}

}  // namespace aekit::io
