#include "aekit/data/idx.hpp"

#include <gtest/gtest.h>

#include "aekit/io/binary.hpp"
#include "aekit/io/file_bytes.hpp"
#include "support/expect_error.hpp"
#include "support/folder_listing.hpp"
#include "support/test_support.hpp"

namespace aekit::data {
namespace {

FloatMatrix byte_images(Index n, Index d) {
  FloatMatrix x(n, d);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>((i * 37 + 11) % 256);
  return x;
}

// An IDX header: magic with `type` and the dims, big-endian.
std::string idx_header(unsigned char type, std::vector<std::uint32_t> dims) {
  std::string bytes = {'\0', '\0', static_cast<char>(type), static_cast<char>(dims.size())};
  for (const auto d : dims) io::append_be<std::uint32_t>(bytes, d);
  return bytes;
}

TEST(Idx, ImagesAndLabelsRoundTripRawAndGzipped) {
  test::TempDir dir;
  const FloatMatrix x = byte_images(5, 12);
  const std::vector<int> labels = {3, 0, 9, 255, 1};
  for (const std::string suffix : {"", ".gz"}) {
    write_idx_images(dir / ("images-idx3-ubyte" + suffix), x, Shape{1, 3, 4});
    write_idx_labels(dir / ("labels-idx1-ubyte" + suffix), labels);
    const IdxImages back = read_idx_images(dir / ("images-idx3-ubyte" + suffix));
    EXPECT_EQ(back.x, x);
    EXPECT_EQ(back.shape, (Shape{1, 3, 4}));
    EXPECT_EQ(read_idx_labels(dir / ("labels-idx1-ubyte" + suffix)), labels);
  }
  const std::string raw = test::read_file(dir / "images-idx3-ubyte");
  EXPECT_EQ(raw.substr(0, 4), std::string("\0\0\x08\x03", 4));
  EXPECT_EQ(raw.size(), 4u + 3 * 4 + 60);
  const std::string gz = test::read_file(dir / "images-idx3-ubyte.gz");
  EXPECT_EQ(gz.substr(0, 2), "\x1f\x8b");  // really gzipped
  EXPECT_EQ(io::read_maybe_gzip(dir / "images-idx3-ubyte.gz"), raw);
}

TEST(Idx, ColourImagesAreFourDimensional) {
  test::TempDir dir;
  const FloatMatrix x = byte_images(2, 3 * 2 * 2);
  write_idx_images(dir / "c.idx", x, Shape{3, 2, 2});
  const IdxImages back = read_idx_images(dir / "c.idx");
  EXPECT_EQ(back.x, x);
  EXPECT_EQ(back.shape, (Shape{3, 2, 2}));
}

TEST(Idx, OtherElementTypesAndRanks) {
  test::TempDir dir;
  std::string f32 = idx_header(0x0D, {2, 3});
  for (int i = 0; i < 6; ++i) io::append_be<float>(f32, 0.5f * i - 1.0f);
  test::write_file(dir / "f.idx", f32);
  const IdxImages f = read_idx_images(dir / "f.idx");
  ASSERT_EQ(f.x.rows(), 2);
  ASSERT_EQ(f.x.cols(), 3);
  EXPECT_EQ(f.x(1, 2), 1.5f);
  EXPECT_EQ(f.shape, (Shape{1, 1, 3}));

  std::string i32 = idx_header(0x0C, {3});
  for (const int v : {7, -2, 100000}) io::append_be<std::int32_t>(i32, v);
  test::write_file(dir / "l.idx", i32);
  EXPECT_EQ(read_idx_labels(dir / "l.idx"), (std::vector<int>{7, -2, 100000}));
  const IdxImages one_d = read_idx_images(dir / "l.idx");  // 1-D as one column
  EXPECT_EQ(one_d.x.cols(), 1);
  EXPECT_EQ(one_d.x(2, 0), 100000.0f);
}

TEST(Idx, MissingFile) {
  test::TempDir dir;
  test::expect_error([&] { read_idx_images(dir / "x-ubyte.gz"); },
                     {"cannot open '", "x-ubyte.gz': no such file"});
  test::expect_error([&] { read_idx_labels(dir.path()); }, {"it is a folder"});
}

TEST(Idx, WrongMagic) {
  test::TempDir dir;
  test::write_file(dir / "x", "hello world, not an IDX file");
  test::expect_error([&] { read_idx_images(dir / "x"); },
                     {"x' is not an IDX file: expected magic 0x00000803 (images) or 0x00000801 "
                      "(labels), found 0x68656c6c"});
  test::write_file(dir / "short", "\x01");
  test::expect_error([&] { read_idx_labels(dir / "short"); },
                     {"not an IDX file", "found 0x01 (the file has only 1 bytes)"});
}

TEST(Idx, TruncatedPixelsAndHeaders) {
  test::TempDir dir;
  test::write_file(dir / "x", idx_header(0x08, {60000, 28, 28}) + std::string(1234, '\0'));
  test::expect_error([&] { read_idx_images(dir / "x"); },
                     {"x' is truncated: header says 60000x28x28 = 47040000 bytes of pixels, "
                      "found 1234"});
  test::write_file(dir / "l", idx_header(0x08, {10}) + "abc");
  test::expect_error([&] { read_idx_labels(dir / "l"); },
                     {"is truncated: header says 10 = 10 bytes of labels, found 3"});
  test::write_file(dir / "h", idx_header(0x08, {60000, 28, 28}).substr(0, 9));
  test::expect_error([&] { read_idx_images(dir / "h"); },
                     {"is truncated: its IDX header needs 16 bytes, found 9"});
}

// Fuzzing (docs/reliability.md, fuzz/regressions/idx/): 4 sizes of 2^16 multiply to 2^64, which
// wrapped to 0 and passed the truncation check; with no rows, a row's size is checked alone;
// a row dimension of 0 (0x4278763264x3372220416x0) made the product of the others overflow in
// Shape::size() (UBSan).
TEST(Idx, SizesWhoseProductOverflowsAreRefused) {
  test::TempDir dir;
  test::write_file(dir / "x", idx_header(0x08, {65536, 65536, 65536, 65536}));
  test::expect_error([&] { read_idx_images(dir / "x"); },
                     {"x': its header says 65536x65536x65536x65536", "needs more than 2^64 bytes, more than the size limit"});
  test::write_file(dir / "empty", idx_header(0x0E, {0, 4294967295, 4294967295, 4294967295}));
  test::expect_error([&] { read_idx_images(dir / "empty"); }, {"its header says 0x4294967295x4294967295x4294967295", "(one row) needs more than 2^64 bytes"});
  test::write_file(dir / "zero", idx_header(0x08, {0, 4278763264u, 3372220416u, 0}));
  test::expect_error([&] { read_idx_images(dir / "zero"); },
                     {"its header says 0x4278763264x3372220416x0", "rows of 0 values; expected rows of at least one value"});
}

TEST(Idx, DamagedGzipStream) {
  test::TempDir dir;
  write_idx_images(dir / "x.gz", byte_images(50, 100), Shape{1, 10, 10});
  const std::string gz = test::read_file(dir / "x.gz");
  test::write_file(dir / "cut.gz", gz.substr(0, gz.size() / 2));
  test::expect_error([&] { read_idx_images(dir / "cut.gz"); },
                     {"cut.gz' is a damaged gzip file"});
}

TEST(Idx, ImagesAreNotLabels) {
  test::TempDir dir;
  write_idx_images(dir / "images", byte_images(2, 4), Shape{1, 2, 2});
  test::expect_error([&] { read_idx_labels(dir / "images"); },
                     {"does not hold labels", "3 dimensions", "swapped"});
}

TEST(Idx, WritingValuesThatAreNotBytesFailsAndKeepsTheOldFile) {
  test::TempDir dir;
  const FloatMatrix x = byte_images(3, 4);
  write_idx_images(dir / "x.idx", x, Shape{1, 2, 2});
  const std::string before = test::read_file(dir / "x.idx");
  FloatMatrix bad = x;
  bad(2, 1) = 0.5f;
  test::expect_error([&] { write_idx_images(dir / "x.idx", bad, Shape{1, 2, 2}); },
                     {"row 2, column 1 is 0.5", "whole number in 0..255"});
  test::expect_error([&] { write_idx_labels(dir / "y.idx", {1, 256}); }, {"label 1 is 256"});
  EXPECT_EQ(test::read_file(dir / "x.idx"), before);
  EXPECT_EQ(test::folder_listing(dir.path()), std::vector<std::string>{"x.idx"});
}

}  // namespace
}  // namespace aekit::data
