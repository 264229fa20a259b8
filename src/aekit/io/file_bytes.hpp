#pragma once
// Reading whole files, and gzip in memory.
//
// Data files are small enough (Fashion-MNIST train is 47 MB unpacked) to read in one go;
// reading whole files keeps the parsers simple (they index into bytes) and fast (one big
// read, one tight conversion loop).
#include <filesystem>
#include <string>
#include <string_view>

namespace aekit::io {

// The bytes of `path` as they are on disk.
// Throws aekit::Error: "cannot open 'x': no such file" (or a folder, or no permission).
std::string read_file_bytes(const std::filesystem::path& path);

// The bytes of `path`, gunzipped if it is a gzip file and as they are otherwise (zlib's
// transparent mode). Throws aekit::Error for a missing file and for a damaged gzip stream.
std::string read_maybe_gzip(const std::filesystem::path& path);

// `bytes` as a gzip stream (RFC 1952), ready to write to a .gz file.
std::string gzip_compress(std::string_view bytes);

// Writes `bytes` to `path` atomically (see atomic_write), gzipped first if `path` ends in .gz.
void write_maybe_gzip(const std::filesystem::path& path, std::string_view bytes);

// True if `path` names a gzip file by its extension (".gz").
bool has_gz_extension(const std::filesystem::path& path);

}  // namespace aekit::io
