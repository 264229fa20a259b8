#pragma once
// What every fuzz target (fuzz_*.cpp, one loader or parser each) shares.
//
// The loaders' contract on bad input: throw aekit::Error (UsageError is one) with a clear
// message. run_loader runs one loader on one input and keeps exactly that answer; anything
// else escaping it (a std::exception of another kind, a crash, a sanitizer report) reaches
// libFuzzer, which reports it as a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "aekit/error.hpp"
#include "aekit/io/binary.hpp"
#include "aekit/io/checksum.hpp"

namespace aekit::fuzz {

// The input as text (or bytes).
inline std::string_view input_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The input with its last 4 bytes replaced by the CRC-32 of the bytes before them, as aekit's
// checked files (.aek, .aeki, .aeimg) end: a mutation then reaches the parsing behind the
// checksum instead of stopping at it (checking the checksum is one comparison).
inline std::string with_valid_crc(const std::uint8_t* data, std::size_t size) {
  std::string bytes(input_text(data, size));
  if (bytes.size() < 4) return bytes;
  bytes.resize(bytes.size() - 4);
  io::append_le<std::uint32_t>(bytes, io::crc32(bytes));
  return bytes;
}

// `bytes` written to a file `name` in this process's folder (under /dev/shm when it exists,
// so that nothing touches a disk), for the loaders that take a path; rewritten every call.
inline std::filesystem::path input_file(std::string_view bytes, std::string_view name) {
  static const std::filesystem::path folder = [] {
    const std::filesystem::path shm = "/dev/shm";
    const auto base = std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
    auto f = base / ("aekit-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(f);
    return f;
  }();
  const auto path = folder / std::string(name);
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
  return path;
}

// Runs `load` on one input; an aekit::Error is the answer bad input must get.
template <typename Load>
void run_loader(Load&& load) {
  try {
    load();
  } catch (const aekit::Error&) {
  }
}

}  // namespace aekit::fuzz
