#include "aekit/io/varint.hpp"

#include <gtest/gtest.h>

#include <cstdint>

#include "support/expect_error.hpp"

namespace aekit::io {
namespace {

TEST(Varint, RoundTripsAndTakesOneByteBelow128) {
  std::string bytes;
  const std::uint64_t values[] = {0, 1, 127, 128, 300, 1u << 31, UINT64_MAX};
  for (const auto v : values) append_varint(bytes, v);
  EXPECT_EQ(bytes.size(), 1 + 1 + 1 + 2 + 2 + 5 + 10u);
  std::string_view view = bytes;
  for (const auto v : values) EXPECT_EQ(take_varint(view, "test"), v);
  EXPECT_TRUE(view.empty());
}

TEST(Varint, TruncatedAndOverlongNumbersAreRefused) {
  std::string bytes;
  append_varint(bytes, 1u << 20);
  std::string_view cut = std::string_view(bytes).substr(0, bytes.size() - 1);
  test::expect_error<Error>([&] { take_varint(cut, "the length"); }, {"the length", "truncated"});
  const std::string overlong(11, char(0xff));
  std::string_view view = overlong;
  test::expect_error<Error>([&] { take_varint(view, "the length"); }, {"longer than 64 bits"});
}

}  // namespace
}  // namespace aekit::io
