#include "aekit/tensor/size_limit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <utility>

#include "aekit/error.hpp"

namespace aekit {
namespace {

std::atomic<std::uint64_t> limit_bytes{kDefaultSizeLimit};

// a * b, or kSizeOverflow when it overflows.
std::uint64_t times(std::uint64_t a, std::uint64_t b) {
  std::uint64_t product = 0;
  return __builtin_mul_overflow(a, b, &product) ? kSizeOverflow : product;
}

}  // namespace

std::uint64_t size_limit() { return limit_bytes.load(std::memory_order_relaxed); }

void set_size_limit(std::uint64_t bytes) {
  if (bytes == 0) throw UsageError("the size limit must be at least 1 byte, found 0");
  limit_bytes.store(bytes, std::memory_order_relaxed);
}

std::uint64_t claimed_bytes(std::span<const std::uint64_t> dims, std::uint64_t element_bytes) {
  std::uint64_t bytes = element_bytes;
  for (const std::uint64_t d : dims) bytes = times(bytes, d);
  return bytes;
}

std::uint64_t claimed_bytes(std::initializer_list<std::uint64_t> dims, std::uint64_t element_bytes) {
  return claimed_bytes(std::span<const std::uint64_t>(dims.begin(), dims.size()), element_bytes);
}

void check_size_limit(std::uint64_t bytes, std::string_view what) {
  if (bytes <= size_limit()) return;
  const std::string needed = bytes == kSizeOverflow ? "more than 2^64 bytes"
                                                   : fmt::format("{} bytes ({})", bytes, byte_size_text(bytes));
  throw Error(fmt::format("{} needs {}, more than the size limit of {}; pass --max-input-size to raise it",
                          what, needed, byte_size_text(size_limit())));
}

void check_rows_claim(std::span<const std::uint64_t> dims, std::uint64_t element_bytes, std::string_view what) {
  const auto row = dims.empty() ? dims : dims.subspan(1);
  if (std::find(row.begin(), row.end(), 0) != row.end())
    throw Error(fmt::format("{}: rows of 0 values; expected rows of at least one value", what));
  check_size_limit(claimed_bytes(dims, element_bytes), what);
  check_size_limit(claimed_bytes(row, element_bytes), fmt::format("{} (one row)", what));
}

std::string byte_size_text(std::uint64_t bytes) {
  static constexpr std::array<const char*, 6> units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
  std::size_t unit = 0;
  while (unit + 1 < units.size() && bytes >= (std::uint64_t(1) << (10 * (unit + 1)))) ++unit;
  return fmt::format("{} {}", bytes >> (10 * unit), units[unit]);
}

std::uint64_t parse_byte_size(std::string_view text, std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::uint64_t>, 9> units = {{
      {"KiB", std::uint64_t(1) << 10}, {"MiB", std::uint64_t(1) << 20}, {"GiB", std::uint64_t(1) << 30},
      {"TiB", std::uint64_t(1) << 40}, {"KB", 1000}, {"MB", 1000000}, {"GB", 1000000000},
      {"TB", 1000000000000}, {"", 1}}};
  std::uint64_t count = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  const std::string_view unit = text.substr(std::size_t(end - text.data()));
  for (const auto& [name, scale] : units)
    if (error == std::errc() && unit == name && count > 0 && times(count, scale) != kSizeOverflow)
      return count * scale;
  throw UsageError(fmt::format("{}: expected a size such as 64GiB, 500MB or 1000000 (bytes, more than 0), found '{}'",
                               name, text));
}

}  // namespace aekit
