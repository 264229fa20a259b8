#pragma once
// Test-side inverse of io/base64.hpp: base64 text back to bytes, and to float32 values
// (little-endian), to check what a page embeds.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "aekit/io/binary.hpp"

namespace aekit::test {

inline std::string base64_decode(std::string_view text) {
  const std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  EXPECT_EQ(text.size() % 4, 0u) << "base64 text of " << text.size() << " characters";
  std::string bytes;
  unsigned group = 0;
  int bits = 0;
  for (const char ch : text) {
    if (ch == '=') break;
    const auto value = alphabet.find(ch);
    EXPECT_NE(value, std::string_view::npos) << "not a base64 letter: '" << ch << "'";
    group = (group << 6) | unsigned(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += char((group >> bits) & 0xffu);
    }
  }
  return bytes;
}

inline std::vector<float> float32_from_base64(std::string_view text) {
  const std::string bytes = base64_decode(text);
  EXPECT_EQ(bytes.size() % 4, 0u);
  std::vector<float> values;
  for (std::size_t i = 0; i + 4 <= bytes.size(); i += 4) values.push_back(io::load_le<float>(bytes.data() + i));
  return values;
}

}  // namespace aekit::test
