#include "aekit/io/checksum.hpp"

#include <gtest/gtest.h>

#include <string>

namespace aekit::io {
namespace {

TEST(Crc32, MatchesTheStandardCheckValue) {
  // The check value of CRC-32/ISO-HDLC (zlib, PNG, gzip) for "123456789".
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc32(""), 0u);
}

TEST(Crc32, IncrementalEqualsOneShot) {
  std::string bytes;
  for (int i = 0; i < 100000; ++i) bytes += static_cast<char>(i * 7919 % 251);
  Crc32 crc;
  crc.update(std::string_view(bytes).substr(0, 12345));
  crc.update(bytes.data() + 12345, 0);
  crc.update(bytes.data() + 12345, bytes.size() - 12345);
  EXPECT_EQ(crc.value(), crc32(bytes));
}

TEST(Crc32, AnEmptyNullBufferChangesNothing) {
  Crc32 crc;
  crc.update("abc");
  crc.update(nullptr, 0);  // an empty std::vector's data()
  EXPECT_EQ(crc.value(), crc32("abc"));
}

}  // namespace
}  // namespace aekit::io
