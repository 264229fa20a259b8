#include "aekit/io/model_file.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "aekit/io/binary.hpp"
#include "aekit/io/checksum.hpp"
#include "support/expect_error.hpp"
#include "support/folder_listing.hpp"
#include "support/test_support.hpp"

namespace aekit::io {
namespace {

ModelFile sample_model() {
  ModelFile model;
  model.header = {{"architecture", {{"kind", "dense"}, {"sizes", {784, 64, 784}}}},
                  {"scaling", {{"kind", "unit"}, {"min", 0.0}, {"max", 255.0}}},
                  {"note", "ünïcödé ok"}};
  model.blob = {0.0f, -0.0f, 1.5f, -3.25e-7f, std::numeric_limits<float>::denorm_min(),
                std::numeric_limits<float>::max(), 123456.789f};
  return model;
}

// A .aek file built by hand: `version`, header text and blob, and a correct CRC-32 unless
// `crc_delta` is not zero.
std::string build_file(std::uint32_t version, std::string_view header,
                       const std::vector<float>& blob, std::uint32_t crc_delta = 0) {
  std::string bytes = "AEK1";
  append_le<std::uint32_t>(bytes, version);
  append_le<std::uint64_t>(bytes, header.size());
  bytes.append(header);
  append_le<std::uint64_t>(bytes, blob.size());
  for (const float v : blob) append_le<float>(bytes, v);
  append_le<std::uint32_t>(bytes, crc32(bytes) + crc_delta);
  return bytes;
}

TEST(ModelFile, RoundTripIsExact) {
  test::TempDir dir;
  const ModelFile model = sample_model();
  save_model_file(dir / "m.aek", model);
  const ModelFile back = load_model_file(dir / "m.aek");
  EXPECT_EQ(back.header, model.header);
  ASSERT_EQ(back.blob.size(), model.blob.size());
  EXPECT_EQ(std::memcmp(back.blob.data(), model.blob.data(), 4 * model.blob.size()), 0);
  EXPECT_EQ(test::folder_listing(dir.path()), std::vector<std::string>{"m.aek"});
}

TEST(ModelFile, LayoutIsTheDocumentedOne) {
  test::TempDir dir;
  const ModelFile model = sample_model();
  save_model_file(dir / "m.aek", model);
  EXPECT_EQ(test::read_file(dir / "m.aek"), build_file(1, model.header.dump(), model.blob));
}

TEST(ModelFile, EmptyBlobAndLargeBlobRoundTrip) {
  test::TempDir dir;
  ModelFile model{{{"empty", true}}, {}};
  save_model_file(dir / "e.aek", model);
  EXPECT_TRUE(load_model_file(dir / "e.aek").blob.empty());
  model.blob.resize(1 << 20);
  for (std::size_t i = 0; i < model.blob.size(); ++i) model.blob[i] = std::sin(float(i));
  save_model_file(dir / "big.aek", model);
  EXPECT_EQ(load_model_file(dir / "big.aek").blob, model.blob);
}

TEST(ModelFile, MissingFile) {
  test::TempDir dir;
  test::expect_error([&] { load_model_file(dir / "none.aek"); },
                     {"cannot open '", "none.aek': no such file"});
}

TEST(ModelFile, WrongMagicShowsTheBytesEscaped) {
  test::TempDir dir;
  test::write_file(dir / "m.aek", "\x89PNG\r\n\x1a\n and more bytes of an image");
  test::expect_error([&] { load_model_file(dir / "m.aek"); },
                     {"m.aek' is not an aekit model: expected magic AEK1, found '\\x89PNG'"});
  test::write_file(dir / "tiny.aek", "AE");
  test::expect_error([&] { load_model_file(dir / "tiny.aek"); },
                     {"not an aekit model", "found 'AE'", "only 2 bytes"});
}

TEST(ModelFile, NewerVersionIsRefused) {
  test::TempDir dir;
  test::write_file(dir / "m.aek", build_file(7, "{}", {1.0f}));
  test::expect_error(
      [&] { load_model_file(dir / "m.aek"); },
      {"m.aek' was written by a newer aekit: format version 7, this aekit reads 1"});
  test::write_file(dir / "z.aek", build_file(0, "{}", {1.0f}));
  test::expect_error([&] { load_model_file(dir / "z.aek"); }, {"unknown format version 0"});
}

TEST(ModelFile, TruncatedFilesAreNamedAsSuch) {
  test::TempDir dir;
  const std::string good = build_file(1, sample_model().header.dump(), std::vector<float>(100));
  for (const std::size_t keep : {std::size_t{10}, std::size_t{20}, good.size() / 2,
                                 good.size() - 1}) {
    test::write_file(dir / "t.aek", good.substr(0, keep));
    test::expect_error([&] { load_model_file(dir / "t.aek"); }, {"t.aek' is truncated"});
  }
  // A header length far beyond the end of the file (and beyond 2^63).
  std::string huge = good;
  for (int i = 8; i < 16; ++i) huge[i] = '\xff';
  test::write_file(dir / "h.aek", huge);
  test::expect_error([&] { load_model_file(dir / "h.aek"); }, {"is truncated", "JSON header"});
}

TEST(ModelFile, ChecksumMismatchIsCorrupt) {
  test::TempDir dir;
  save_model_file(dir / "m.aek", sample_model());
  std::string bytes = test::read_file(dir / "m.aek");
  bytes[bytes.size() - 10] ^= 0x01;  // one bit of the blob
  test::write_file(dir / "m.aek", bytes);
  test::expect_error([&] { load_model_file(dir / "m.aek"); },
                     {"m.aek' is corrupt: CRC-32 expected 0x", ", found 0x"});
}

TEST(ModelFile, HeaderThatIsNotJson) {
  test::TempDir dir;
  test::write_file(dir / "m.aek", build_file(1, "{\"kind\": dense", {1.0f}));
  test::expect_error([&] { load_model_file(dir / "m.aek"); },
                     {"m.aek' is corrupt: its header is not valid JSON"});
}

TEST(ModelFile, TrailingBytesAreCorrupt) {
  test::TempDir dir;
  test::write_file(dir / "m.aek", build_file(1, "{}", {1.0f}) + "xx");
  test::expect_error([&] { load_model_file(dir / "m.aek"); },
                     {"is corrupt", "2 unexpected bytes after the checksum"});
}

TEST(ModelFile, AFailedSaveLeavesTheOldFileIntact) {
  test::TempDir dir;
  save_model_file(dir / "m.aek", sample_model());
  const std::string before = test::read_file(dir / "m.aek");
  ModelFile bad = sample_model();
  bad.header["name"] = std::string("\xff\xfe not UTF-8");
  test::expect_error([&] { save_model_file(dir / "m.aek", bad); },
                     {"cannot write", "m.aek", "not valid JSON"});
  EXPECT_EQ(test::read_file(dir / "m.aek"), before);
  test::expect_error([&] { save_model_file(dir / "missing" / "m.aek", bad); }, {"not valid JSON"});
  EXPECT_EQ(test::folder_listing(dir.path()), std::vector<std::string>{"m.aek"});
}

}  // namespace
}  // namespace aekit::io
