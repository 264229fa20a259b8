#include "aekit/io/file_bytes.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

#include "aekit/error.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/tensor/size_limit.hpp"

namespace aekit::io {
namespace {

// Checks that `path` is an existing regular file we can read, with a message saying why not.
void check_readable(const std::filesystem::path& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found)
    throw Error(fmt::format("cannot open '{}': no such file", path.string()));
  if (status.type() == std::filesystem::file_type::directory)
    throw Error(fmt::format("cannot open '{}': it is a folder, expected a file", path.string()));
}

[[noreturn]] void throw_open_failed(const std::filesystem::path& path) {
  throw Error(fmt::format("cannot open '{}': {}", path.string(), std::strerror(errno)));
}

struct GzCloser {
  void operator()(gzFile_s* file) const { gzclose(file); }
};

}  // namespace

std::string read_file_bytes(const std::filesystem::path& path) {
  check_readable(path);
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw_open_failed(path);
  const auto size = static_cast<std::size_t>(in.tellg());
  check_size_limit(size, fmt::format("reading '{}'", path.string()));
  std::string bytes(size, '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(in.gcount()) != size)
    throw Error(fmt::format("cannot read '{}': I/O error after {} of {} bytes", path.string(),
                            in.gcount(), size));
  return bytes;
}

std::string read_maybe_gzip(const std::filesystem::path& path) {
  check_readable(path);
  std::unique_ptr<gzFile_s, GzCloser> file(gzopen(path.c_str(), "rb"));
  if (!file) throw_open_failed(path);
  // Buffers sized to the file: a data set of megabytes reads in few calls and big inflate runs
  // (4 MiB per gzread, a 1 MiB input buffer), a small file allocates (and zeroes) little.
  std::error_code unknown;
  const std::uintmax_t on_disk = std::filesystem::file_size(path, unknown);
  const std::size_t disk_bytes = unknown ? std::size_t(1) << 20 : std::size_t(std::min<std::uintmax_t>(on_disk, 1u << 20));
  const unsigned chunk = unsigned(std::clamp<std::size_t>(4 * disk_bytes, 1u << 12, 1u << 22));
  gzbuffer(file.get(), unsigned(std::clamp<std::size_t>(disk_bytes, 1u << 13, 1u << 20)));
  std::string bytes;
  std::size_t used = 0;
  // Grows by doubling, but never to more than a chunk past the size limit: a gzip bomb (a
  // small file that unpacks to terabytes) is refused once it passes the limit.
  const std::uint64_t limit = size_limit();
  const std::uint64_t most = limit + std::min<std::uint64_t>(chunk, kSizeOverflow - limit);  // no wrap past 2^64
  for (;;) {
    if (bytes.size() < used + chunk)
      bytes.resize(std::min<std::uint64_t>(std::max(2 * bytes.size(), used + chunk), most));
    const int got = gzread(file.get(), bytes.data() + used, chunk);
    if (got < 0) break;
    used += static_cast<std::size_t>(got);
    if (used > limit)
      throw Error(fmt::format("'{}' unpacks to more than the size limit of {}; pass --max-input-size to raise it",
                              path.string(), byte_size_text(limit)));
    if (unsigned(got) < chunk) break;  // gzread stops short only at the end (or an error, below)
  }
  int code = Z_OK;
  const char* message = gzerror(file.get(), &code);
  if (code != Z_OK && code != Z_STREAM_END)
    throw Error(fmt::format("'{}' is a damaged gzip file: {} (was the download cut short?)",
                            path.string(), message));
  bytes.resize(used);
  return bytes;
}

std::string gzip_compress(std::string_view bytes) {
  if (bytes.size() > 0xFFFFFFF0u) throw Error("gzip: cannot compress more than 4 GiB at once");
  z_stream stream{};
  // windowBits 15 + 16 asks deflate for a gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    throw Error("gzip: cannot initialise the compressor (out of memory?)");
  std::string out(deflateBound(&stream, bytes.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int code = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (code != Z_STREAM_END) throw Error("gzip: compression failed");
  return out;
}

void write_maybe_gzip(const std::filesystem::path& path, std::string_view bytes) {
  if (has_gz_extension(path)) atomic_write(path, gzip_compress(bytes));
  else atomic_write(path, bytes);
}

bool has_gz_extension(const std::filesystem::path& path) { return path.extension() == ".gz"; }

}  // namespace aekit::io
