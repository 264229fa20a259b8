// The checked container (io/checked_file.hpp) with a kind of its own (2-byte elements): the header
// and blob come back; another kind's magic, a newer version, a blob that is not whole elements
// and a damaged byte are refused naming the file.
#include "aekit/io/checked_file.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/io/binary.hpp"
#include "aekit/io/checksum.hpp"
#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::io {
namespace {

constexpr CheckedFileKind kPairs{"TST2", 3, "a test file", 2, "16-bit blob"};

TEST(CheckedFile, LoadsBackItsHeaderAndBlob) {
  test::TempDir dir;
  save_checked_file(dir / "f.tst", kPairs, {{"a", 1}}, "abcdef");
  const CheckedFile back = load_checked_file(dir / "f.tst", kPairs);
  EXPECT_EQ(back.header, (nlohmann::json{{"a", 1}}));
  EXPECT_EQ(back.blob, "abcdef");
  EXPECT_EQ(test::read_file(dir / "f.tst").size(), 28u + back.header.dump().size() + 6u);
}

TEST(CheckedFile, RefusesOtherKindsNewerVersionsPartialElementsAndDamage) {
  test::TempDir dir;
  save_checked_file(dir / "f.tst", kPairs, {{"a", 1}}, "abcdef");
  const CheckedFileKind other{"OTHR", 3, "another file", 2, "blob"};
  test::expect_error<Error>([&] { load_checked_file(dir / "f.tst", other); },
                            {"f.tst' is not another file: expected magic OTHR, found 'TST2'"});
  const CheckedFileKind older{"TST2", 2, "a test file", 2, "16-bit blob"};
  test::expect_error<Error>([&] { load_checked_file(dir / "f.tst", older); },
                            {"written by a newer aekit: format version 3, this aekit reads 2"});
  const CheckedFileKind wider{"TST2", 3, "a test file", 4, "32-bit blob"};
  test::expect_error<Error>([&] { load_checked_file(dir / "f.tst", wider); }, {"is truncated", "32-bit blob"});
  std::string bytes = test::read_file(dir / "f.tst");
  bytes[bytes.size() - 6] ^= 0x20;
  test::write_file(dir / "d.tst", bytes);
  test::expect_error<Error>([&] { load_checked_file(dir / "d.tst", kPairs); }, {"d.tst' is corrupt: CRC-32"});
}

// Fuzzing (docs/reliability.md, fuzz/regressions/hash_index/): a header number too large for a
// double (1e999) threw nlohmann's out_of_range, which escaped the loader.
TEST(CheckedFile, AHeaderNumberTooLargeIsCorruptJson) {
  test::TempDir dir;
  const std::string header = R"({"a": 7e693})";
  std::string bytes = "TST2";
  append_le<std::uint32_t>(bytes, 3);
  append_le<std::uint64_t>(bytes, header.size());
  bytes += header;
  append_le<std::uint64_t>(bytes, 0);
  append_le<std::uint32_t>(bytes, crc32(bytes));
  test::write_file(dir / "n.tst", bytes);
  test::expect_error<Error>([&] { load_checked_file(dir / "n.tst", kPairs); },
                            {"n.tst' is corrupt: its header is not valid JSON", "7e693"});
}

}  // namespace
}  // namespace aekit::io
