#include "aekit/io/file_bytes.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/test_support.hpp"

namespace aekit::io {
namespace {

TEST(FileBytes, GzipAndRawReadTheSame) {
  test::TempDir dir;
  const std::string bytes = std::string("aekit\0bytes", 11) + std::string(5000, 'x');
  write_maybe_gzip(dir / "a.bin.gz", bytes);
  write_maybe_gzip(dir / "a.bin", bytes);
  EXPECT_TRUE(has_gz_extension(dir / "a.bin.gz"));
  EXPECT_FALSE(has_gz_extension(dir / "a.bin"));
  EXPECT_LT(read_file_bytes(dir / "a.bin.gz").size(), bytes.size());  // really compressed
  EXPECT_EQ(read_maybe_gzip(dir / "a.bin.gz"), bytes);
  EXPECT_EQ(read_maybe_gzip(dir / "a.bin"), bytes);
}

TEST(FileBytes, MissingFileNamesThePath) {
  test::TempDir dir;
  try {
    read_file_bytes(dir / "nope.bin");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("nope.bin"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace aekit::io
