// Base64 (io/base64.hpp): RFC 4648's test vectors, and float32 values that come back bit for
// bit, little-endian.
#include "aekit/io/base64.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "support/base64_decode.hpp"

namespace aekit::io {
namespace {

TEST(Base64, Rfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(std::string("\xff\xfe\x00", 3)), "//4A");
}

TEST(Base64, Float32LittleEndian) {
  const std::vector<float> one = {1.0f};  // 0x3f800000: bytes 00 00 80 3f
  EXPECT_EQ(float32_base64(one), "AACAPw==");
  const std::vector<float> values = {0.0f, -2.5f, 3.14159f, 1e-30f, std::numeric_limits<float>::max()};
  EXPECT_EQ(test::float32_from_base64(float32_base64(values)), values);
}

}  // namespace
}  // namespace aekit::io
