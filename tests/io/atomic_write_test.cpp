#include "aekit/io/atomic_write.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "support/expect_error.hpp"
#include "support/folder_listing.hpp"
#include "support/test_support.hpp"

namespace aekit::io {
namespace {

TEST(AtomicWrite, CreatesAndReplacesAFile) {
  test::TempDir dir;
  atomic_write(dir / "a.txt", "first");
  EXPECT_EQ(test::read_file(dir / "a.txt"), "first");
  atomic_write(dir / "a.txt", "second, longer");
  EXPECT_EQ(test::read_file(dir / "a.txt"), "second, longer");
  EXPECT_EQ(test::folder_listing(dir.path()), std::vector<std::string>{"a.txt"});
}

TEST(AtomicWrite, AWriterThatThrowsLeavesTheOldFileAndNoTemporary) {
  test::TempDir dir;
  test::write_file(dir / "keep.bin", "precious");
  test::expect_error<std::runtime_error>(
      [&] {
        atomic_write_with(dir / "keep.bin", [](std::ostream& out) {
          out << "half of the new cont";
          out.flush();
          throw std::runtime_error("disk on fire");
        });
      },
      {"disk on fire"});
  EXPECT_EQ(test::read_file(dir / "keep.bin"), "precious");
  EXPECT_EQ(test::folder_listing(dir.path()), std::vector<std::string>{"keep.bin"});
}

TEST(AtomicWrite, MissingFoldersAreCreated) {
  test::TempDir dir;
  atomic_write(dir / "no" / "such" / "x.bin", "x");
  EXPECT_EQ(test::read_file(dir / "no" / "such" / "x.bin"), "x");
}

TEST(AtomicWrite, AFailedWriteRemovesTheFoldersItCreated) {
  test::TempDir dir;
  test::expect_error<std::runtime_error>(
      [&] {
        atomic_write_with(dir / "no" / "such" / "x.bin",
                          [](std::ostream&) { throw std::runtime_error("disk on fire"); });
      },
      {"disk on fire"});
  EXPECT_TRUE(test::folder_listing(dir.path()).empty());
}

TEST(AtomicWrite, AFileInTheWayOfAFolderIsNamed) {
  test::TempDir dir;
  test::write_file(dir / "file", "x");
  test::expect_error([&] { atomic_write(dir / "file" / "sub" / "x.bin", "x"); },
                     {"cannot create folder", "file"});
  EXPECT_EQ(test::folder_listing(dir.path()), std::vector<std::string>{"file"});
}

TEST(AtomicWrite, AFolderInTheWayIsNamedAndNothingIsLeft) {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "out");
  test::write_file(dir / "out" / "inside", "x");
  test::expect_error([&] { atomic_write(dir / "out", "bytes"); }, {"cannot write", "out"});
  EXPECT_EQ(test::folder_listing(dir.path()), std::vector<std::string>{"out"});
  EXPECT_EQ(test::read_file(dir / "out" / "inside"), "x");
}

}  // namespace
}  // namespace aekit::io
