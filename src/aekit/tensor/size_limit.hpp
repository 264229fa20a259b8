#pragma once
// The size limit: the most bytes aekit allocates for one array that input describes.
//
// A data file's header, a model file's JSON or an image's dimensions say how large the arrays
// built from them are. A hostile or damaged file can claim 10^12 rows or a 2^40-byte tensor;
// the loaders compare each such claim with this limit before they allocate anything, and
// refuse it in one line that names the claim, the limit and the flag that raises it
// (`--max-input-size`, every command of the CLI). Claims are multiplied without overflow
// (`claimed_bytes`): a product that does not fit 64 bits is above any limit.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace aekit {

// 16 GiB: 70 times Fashion-MNIST's 70 000 float rows, and below the memory of most machines
// that would train on such data.
inline constexpr std::uint64_t kDefaultSizeLimit = std::uint64_t(16) << 30;

// What `claimed_bytes` gives for a size that does not fit 64 bits.
inline constexpr std::uint64_t kSizeOverflow = ~std::uint64_t(0);

std::uint64_t size_limit();
// Sets the limit for this process (> 0), e.g. from `--max-input-size`.
void set_size_limit(std::uint64_t bytes);

// dims[0] * dims[1] * ... * element_bytes, or kSizeOverflow when that does not fit 64 bits.
std::uint64_t claimed_bytes(std::span<const std::uint64_t> dims, std::uint64_t element_bytes);
std::uint64_t claimed_bytes(std::initializer_list<std::uint64_t> dims, std::uint64_t element_bytes);

// Throws aekit::Error when `bytes` is above the limit:
//   "<what> needs 784000000000000 bytes (713 TiB), more than the size limit of 16 GiB;
//    pass --max-input-size to raise it"
// `what` names the claim and its source, e.g. "'x.idx': header says 1000000000000x784 uint8 values".
void check_size_limit(std::uint64_t bytes, std::string_view what);

// For an array of rows, dims = {N, row dims...} of `element_bytes` each once loaded: throws
// aekit::Error when a row dimension is 0 (a row must hold a value) or when the whole array or
// one row (checked alone, for N = 0) is above the limit. `what` as for check_size_limit, e.g.
// "'x.idx': its header says 60000x28x28 pixels".
void check_rows_claim(std::span<const std::uint64_t> dims, std::uint64_t element_bytes, std::string_view what);

// "16 GiB", "713 TiB", "900 bytes": the largest binary unit with a whole number in front
// (rounded down), for messages.
std::string byte_size_text(std::uint64_t bytes);

// Reads a size as `--max-input-size` takes it: a whole number of bytes with an optional unit,
// KiB, MiB, GiB or TiB (powers of 1024) or KB, MB, GB, TB (powers of 1000), e.g. "64GiB".
// Throws aekit::UsageError naming `name` (the flag) and what it found.
std::uint64_t parse_byte_size(std::string_view text, std::string_view name);

}  // namespace aekit
