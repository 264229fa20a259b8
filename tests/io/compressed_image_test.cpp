// The compressed-image file (io/compressed_image.hpp): a round trip keeps every field, and
// each way a file can be wrong (too short, another magic, a newer version, a payload cut short
// or padded, a flipped byte, a size or channel count no image has) is refused in one line; a
// failed write leaves an existing file as it was.
#include "aekit/io/compressed_image.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::io {
namespace {

CompressedImage example() {
  CompressedImage image;
  image.width = 17;
  image.height = 5;
  image.channels = 3;
  for (std::size_t i = 0; i < image.codec_identity.size(); ++i) image.codec_identity[i] = std::uint8_t(7 * i);
  image.quality = 4;
  image.payload = std::string("\x00\x01\xff symbols", 11);
  return image;
}

TEST(CompressedImage, ARoundTripKeepsEveryField) {
  const std::string bytes = serialize_compressed_image(example());
  EXPECT_EQ(bytes.size(), 64u + 11u + 4u);
  EXPECT_EQ(bytes.substr(0, 4), "AEIM");
  const CompressedImage back = parse_compressed_image(bytes, "x.aeimg");
  EXPECT_EQ(back.width, 17u);
  EXPECT_EQ(back.height, 5u);
  EXPECT_EQ(back.channels, 3u);
  EXPECT_EQ(back.codec_identity, example().codec_identity);
  EXPECT_EQ(back.quality, 4u);
  EXPECT_EQ(back.payload, example().payload);
  CompressedImage tiny = example();
  tiny.width = tiny.height = tiny.channels = 1;
  tiny.payload.clear();
  EXPECT_EQ(parse_compressed_image(serialize_compressed_image(tiny), "1x1").payload, "");
}

TEST(CompressedImage, EveryWrongFileIsRefusedInOneLine) {
  const std::string good = serialize_compressed_image(example());
  const auto refused = [](const std::string& bytes, std::initializer_list<std::string_view> phrases) {
    test::expect_error<Error>([&] { parse_compressed_image(bytes, "f.aeimg"); }, phrases);
  };
  refused(good.substr(0, 40), {"'f.aeimg' has 40 bytes", "too few"});
  refused("PNG!" + good.substr(4), {"not an aekit compressed image", "'PNG!'"});
  std::string newer = good;
  newer[4] = 2;
  refused(newer, {"version 2", "reads version 1"});
  refused(good.substr(0, good.size() - 3), {"payload has 11 bytes, but 8 follow", "truncated"});
  refused(good + "x", {"but 12 follow"});
  for (const std::size_t at : {std::size_t(9), std::size_t(30), std::size_t(66)}) {
    std::string flipped = good;
    flipped[at] = char(flipped[at] ^ 0x10);
    refused(flipped, {"fails its checksum", "damaged"});
  }
  CompressedImage bad = example();
  bad.channels = 2;
  test::expect_error<Error>([&] { serialize_compressed_image(bad); }, {"2 channels, expected 1 (gray) or 3 (RGB)"});
  bad = example();
  bad.height = 0;
  test::expect_error<Error>([&] { serialize_compressed_image(bad); }, {"17x0", "at least 1x1"});
}

TEST(CompressedImage, FilesAreWrittenWholeOrNotAtAll) {
  test::TempDir dir;
  write_compressed_image(dir / "a.aeimg", example());
  EXPECT_EQ(read_compressed_image(dir / "a.aeimg").payload, example().payload);
  CompressedImage bad = example();
  bad.channels = 4;
  EXPECT_THROW(write_compressed_image(dir / "a.aeimg", bad), Error);
  EXPECT_EQ(read_compressed_image(dir / "a.aeimg").channels, 3u) << "the old file is untouched";
  test::expect_error<Error>([&] { read_compressed_image(dir / "missing.aeimg"); }, {"missing.aeimg"});
}

}  // namespace
}  // namespace aekit::io
