// SHA-256 (io/sha256.hpp) against the FIPS 180-4 example vectors and coreutils' sha256sum, in
// one go and fed in pieces of every size across the 64-byte block boundary.
#include "aekit/io/sha256.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::io {
namespace {

TEST(Sha256, MatchesTheStandardsExamples) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PiecesOfAnySizeGiveTheWholesHash) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += char('a' + (i * 7) % 26);
  const std::string whole = sha256_hex(text);
  for (std::size_t piece = 1; piece <= 130; ++piece) {
    Sha256 h;
    for (std::size_t begin = 0; begin < text.size(); begin += piece)
      h.update(std::string_view(text).substr(begin, piece));
    ASSERT_EQ(h.hex(), whole) << "pieces of " << piece;
  }
}

TEST(Sha256, AFilesHashIsSha256sums) {
  test::TempDir dir;
  std::string bytes;
  for (int i = 0; i < 200000; ++i) bytes += char(i * 31 % 251);
  test::write_file(dir.path() / "f.bin", bytes);
  const std::string command = "sha256sum '" + (dir.path() / "f.bin").string() + "'";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char line[65] = {};
  ASSERT_EQ(std::fread(line, 1, 64, pipe), 64u);
  pclose(pipe);
  EXPECT_EQ(sha256_file_hex(dir.path() / "f.bin"), std::string(line, 64));
  test::expect_error([&] { sha256_file_hex(dir.path() / "missing.aek"); }, {"cannot read", "missing.aek"});
}

}  // namespace
}  // namespace aekit::io
