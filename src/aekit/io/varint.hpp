#pragma once
// Unsigned LEB128 integers: 7 bits a byte, least significant first, the high bit set on every
// byte but the last (0..127 take one byte).
#include <cstdint>
#include <string>
#include <string_view>

namespace aekit::io {

void append_varint(std::string& out, std::uint64_t value);
// Reads one from the front of `bytes` and drops it; Error naming `what` when the bytes end
// inside it or it does not fit 64 bits.
std::uint64_t take_varint(std::string_view& bytes, std::string_view what);

}  // namespace aekit::io
