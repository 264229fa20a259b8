#include "aekit/io/checked_file.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/io/binary.hpp"
#include "aekit/io/checksum.hpp"
#include "aekit/io/file_bytes.hpp"
#include "aekit/io/printable.hpp"
#include "aekit/tensor/size_limit.hpp"

namespace aekit::io {
namespace {

constexpr std::uint64_t kContainerBytes = 4 + 4 + 8 + 8 + 4;  // magic, version, H, B, CRC

std::string serialize_header(const std::filesystem::path& path, const nlohmann::json& header) {
  try {
    return header.dump();
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("cannot write '{}': the header is not valid JSON ({})", path.string(),
                            e.what()));
  }
}

// Reads the file's fields one after the other, checking that each is there.
class FieldReader {
 public:
  FieldReader(const std::filesystem::path& path, std::string_view bytes) : path_(path), bytes_(bytes) {}

  std::uint64_t remaining() const { return bytes_.size() - offset_; }
  std::uint64_t offset() const { return offset_; }

  template <typename T>
  T take(const char* what) {
    need(sizeof(T), what);
    const T value = load_le<T>(bytes_.data() + offset_);
    offset_ += sizeof(T);
    return value;
  }

  std::string_view take_bytes(std::uint64_t count, std::string_view what) {
    need(count, what);
    const auto view = bytes_.substr(offset_, count);
    offset_ += count;
    return view;
  }

  [[noreturn]] void truncated(std::uint64_t count, std::string_view what) const {
    throw Error(fmt::format(
        "'{}' is truncated: expected {} bytes of {} at offset {}, the file has {} bytes left "
        "(was it copied or saved only in part?)",
        path_.string(), count, what, offset_, remaining()));
  }

 private:
  void need(std::uint64_t count, std::string_view what) const {
    if (count > remaining()) truncated(count, what);
  }

  const std::filesystem::path& path_;
  std::string_view bytes_;
  std::uint64_t offset_ = 0;
};

void check_magic(const std::filesystem::path& path, const CheckedFileKind& kind, std::string_view bytes) {
  const auto found = bytes.substr(0, kind.magic.size());
  if (found == kind.magic) return;
  throw Error(fmt::format("'{}' is not {}: expected magic {}, found '{}'{}", path.string(), kind.noun,
                          kind.magic, printable(found),
                          bytes.size() < kind.magic.size()
                              ? fmt::format(" (the file has only {} bytes)", bytes.size())
                              : ""));
}

void check_version(const std::filesystem::path& path, const CheckedFileKind& kind, std::uint32_t version) {
  if (version > kind.version)
    throw Error(fmt::format(
        "'{}' was written by a newer aekit: format version {}, this aekit reads {} "
        "(upgrade aekit to load it)",
        path.string(), version, kind.version));
  if (version != kind.version)
    throw Error(fmt::format("'{}' has an unknown format version {}, this aekit reads {}", path.string(),
                            version, kind.version));
}

}  // namespace

void save_checked_file(const std::filesystem::path& path, const CheckedFileKind& kind,
                       const nlohmann::json& header, std::string_view blob) {
  AEKIT_ASSERT(blob.size() % kind.element_bytes == 0);
  const std::string header_text = serialize_header(path, header);
  std::string head;  // magic, version, H, header, B: small, so built in memory
  head.append(kind.magic);
  append_le<std::uint32_t>(head, kind.version);
  append_le<std::uint64_t>(head, header_text.size());
  head.append(header_text);
  append_le<std::uint64_t>(head, blob.size() / kind.element_bytes);

  atomic_write_with(path, [&](std::ostream& out) {
    Crc32 crc;
    crc.update(head);
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
    crc.update(blob.data(), blob.size());
    out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
    std::string tail;
    append_le<std::uint32_t>(tail, crc.value());
    out.write(tail.data(), static_cast<std::streamsize>(tail.size()));
  });
}

CheckedFile load_checked_file(const std::filesystem::path& path, const CheckedFileKind& kind) {
  const std::string bytes = read_file_bytes(path);
  check_magic(path, kind, bytes);
  FieldReader reader(path, bytes);
  reader.take_bytes(kind.magic.size(), "magic");
  check_version(path, kind, reader.take<std::uint32_t>("format version"));

  const auto header_size = reader.take<std::uint64_t>("header length");
  const auto header_text = reader.take_bytes(header_size, "JSON header");
  const auto count = reader.take<std::uint64_t>("blob length");
  check_size_limit(claimed_bytes({count}, kind.element_bytes),
                   fmt::format("'{}': its header says the {} holds {} values", path.string(), kind.blob_name, count));
  if (count > reader.remaining() / kind.element_bytes)
    reader.truncated(count * kind.element_bytes, kind.blob_name);
  const auto blob = reader.take_bytes(count * kind.element_bytes, kind.blob_name);
  const auto covered = reader.offset();
  const auto stored_crc = reader.take<std::uint32_t>("CRC-32");
  if (reader.remaining() != 0)
    throw Error(fmt::format(
        "'{}' is corrupt: {} unexpected bytes after the checksum (expected {} bytes in all, "
        "found {})",
        path.string(), reader.remaining(), kContainerBytes + header_size + kind.element_bytes * count,
        bytes.size()));

  const auto computed_crc = crc32(std::string_view(bytes).substr(0, covered));
  if (computed_crc != stored_crc)
    throw Error(fmt::format(
        "'{}' is corrupt: CRC-32 expected 0x{:08x}, found 0x{:08x} (the file was damaged "
        "after it was written; use another copy)",
        path.string(), stored_crc, computed_crc));

  CheckedFile file;
  try {
    file.header = nlohmann::json::parse(header_text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw Error(fmt::format("'{}' is corrupt: its header is not valid JSON ({})", path.string(), e.what()));
  }
  file.blob.assign(blob);
  return file;
}

}  // namespace aekit::io
