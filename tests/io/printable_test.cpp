#include "aekit/io/printable.hpp"

#include <gtest/gtest.h>

namespace aekit::io {
namespace {

TEST(Printable, KeepsAsciiAndEscapesTheRest) {
  EXPECT_EQ(printable("AEK1"), "AEK1");
  EXPECT_EQ(printable("\x89PNG"), "\\x89PNG");
  EXPECT_EQ(printable("a\nb"), "a\\nb");
}

}  // namespace
}  // namespace aekit::io
