#pragma once
// Base64 (RFC 4648: A-Z a-z 0-9 + /, '=' padding), for binary data embedded in text: every
// 3 bytes become 4 characters, so n bytes take 4 * ceil(n / 3) characters.
#include <span>
#include <string>
#include <string_view>

namespace aekit::io {

std::string base64_encode(std::string_view bytes);

// float32 values, little-endian, base64-encoded: what a page's JavaScript reads back as a
// Float32Array (4 bytes a value, ~5.33 characters).
std::string float32_base64(std::span<const float> values);

}  // namespace aekit::io
