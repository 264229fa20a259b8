#include "aekit/data/npy.hpp"

#include <gtest/gtest.h>

#include <cstring>

#include "aekit/data/labels.hpp"
#include "aekit/io/binary.hpp"
#include "support/expect_error.hpp"
#include "support/folder_listing.hpp"
#include "support/test_support.hpp"

namespace aekit::data {
namespace {

FloatMatrix sample(Index n, Index d) {
  FloatMatrix x(n, d);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = 0.1f * static_cast<float>(i) - 3.0f;
  return x;
}

template <typename T>
std::string packed(const std::vector<T>& values, std::endian order = std::endian::little) {
  std::string bytes;
  for (const T v : values) io::append(bytes, v, order);
  return bytes;
}

// What np.save(f, np.arange(6, dtype='<f4').reshape(2, 3)) writes (NumPy 1.24).
std::string numpy_arange_2x3() {
  std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
  dict += std::string(128 - 10 - dict.size() - 1, ' ') + "\n";
  return std::string("\x93NUMPY\x01\x00\x76\x00", 10) + dict +
         packed<float>({0, 1, 2, 3, 4, 5});
}

TEST(Npy, Float32RoundTripIsExactAndMatchesNumPy) {
  test::TempDir dir;
  const FloatMatrix x = sample(7, 5);
  write_npy(dir / "x.npy", x);
  const NpyArray back = read_npy(dir / "x.npy");
  EXPECT_EQ(std::memcmp(back.x.data(), x.data(), sizeof(float) * x.size()), 0);
  EXPECT_EQ(back.dims, (std::vector<Index>{7, 5}));
  EXPECT_EQ(back.shape, (Shape{1, 1, 5}));

  FloatMatrix arange(2, 3);
  arange << 0, 1, 2, 3, 4, 5;
  write_npy(dir / "a.npy", arange);
  EXPECT_EQ(test::read_file(dir / "a.npy"), numpy_arange_2x3());
  test::write_file(dir / "numpy.npy", numpy_arange_2x3());
  EXPECT_EQ(read_npy(dir / "numpy.npy").x, arange);
}

TEST(Npy, ImagesKeepTheirShape) {
  test::TempDir dir;
  const FloatMatrix grey = sample(3, 4 * 5);
  write_npy(dir / "g.npy", grey, Shape{1, 4, 5});
  const NpyArray g = read_npy(dir / "g.npy");
  EXPECT_EQ(g.dims, (std::vector<Index>{3, 4, 5}));
  EXPECT_EQ(g.shape, (Shape{1, 4, 5}));
  EXPECT_EQ(g.x, grey);
  const FloatMatrix colour = sample(2, 3 * 2 * 2);
  write_npy(dir / "c.npy.gz", colour, Shape{3, 2, 2});
  const NpyArray c = read_npy(dir / "c.npy.gz");
  EXPECT_EQ(c.dims, (std::vector<Index>{2, 3, 2, 2}));
  EXPECT_EQ(c.shape, (Shape{3, 2, 2}));
  EXPECT_EQ(c.x, colour);
}

TEST(Npy, OtherDtypesAndRanks) {
  test::TempDir dir;
  write_npy_array(dir / "d.npy", "<f8", {2, 2}, packed<double>({0.25, -1.5, 1e10, 3}));
  FloatMatrix d(2, 2);
  d << 0.25f, -1.5f, 1e10f, 3.0f;
  EXPECT_EQ(read_npy(dir / "d.npy").x, d);

  write_npy_array(dir / "u.npy", "|u1", {2, 1, 3}, packed<std::uint8_t>({0, 1, 2, 253, 254, 255}));
  const NpyArray u = read_npy(dir / "u.npy");
  EXPECT_EQ(u.shape, (Shape{1, 1, 3}));
  EXPECT_EQ(u.x(1, 2), 255.0f);

  write_npy_array(dir / "v.npy", "<f4", {4}, packed<float>({1, 2, 3, 4}));
  const NpyArray v = read_npy(dir / "v.npy");
  EXPECT_EQ(v.x.rows(), 4);
  EXPECT_EQ(v.x.cols(), 1);
  EXPECT_EQ(v.x(3, 0), 4.0f);

  write_npy_array(dir / "b.npy", ">f4", {1, 2}, packed<float>({1.5f, -2.0f}, std::endian::big));
  EXPECT_EQ(read_npy(dir / "b.npy").x(0, 1), -2.0f);

  write_npy_array(dir / "i.npy", "<i8", {3}, packed<std::int64_t>({-1, 0, 123456}));
  EXPECT_EQ(read_labels(dir / "i.npy"), (std::vector<int>{-1, 0, 123456}));
  write_npy_labels(dir / "l.npy", {4, 2, 0});
  EXPECT_EQ(read_labels(dir / "l.npy"), (std::vector<int>{4, 2, 0}));
}

TEST(Npy, VersionTwoHeaders) {
  test::TempDir dir;
  std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }\n";
  std::string bytes("\x93NUMPY\x02\x00", 8);
  io::append_le<std::uint32_t>(bytes, static_cast<std::uint32_t>(dict.size()));
  test::write_file(dir / "v2.npy", bytes + dict + packed<float>({7, 8}));
  EXPECT_EQ(read_npy(dir / "v2.npy").x(0, 1), 8.0f);
}

TEST(Npy, FortranOrderIsRefused) {
  test::TempDir dir;
  std::string bytes = numpy_arange_2x3();
  bytes.replace(bytes.find("False"), 5, "True ");
  test::write_file(dir / "f.npy", bytes);
  test::expect_error([&] { read_npy(dir / "f.npy"); },
                     {"f.npy' is in Fortran (column-major) order", "np.ascontiguousarray"});
}

TEST(Npy, TruncatedData) {
  test::TempDir dir;
  const std::string bytes = numpy_arange_2x3();
  test::write_file(dir / "t.npy", bytes.substr(0, bytes.size() - 4));
  test::expect_error([&] { read_npy(dir / "t.npy"); },
                     {"t.npy' is truncated: header says 2x3 float32 = 24 bytes of data, found 20"});
  test::write_file(dir / "h.npy", bytes.substr(0, 40));
  test::expect_error([&] { read_npy(dir / "h.npy"); }, {"h.npy' is truncated"});
}

// Fuzzing (docs/reliability.md, fuzz/regressions/npy/): a size past 2^63 overflowed while it was
// read, and sizes whose product passes 2^64 wrapped and passed the truncation check.
TEST(Npy, SizesTooLargeToCountAreRefused) {
  test::TempDir dir;
  const auto with_shape = [](const std::string& shape) {
    std::string bytes = numpy_arange_2x3();
    const auto at = bytes.find("(2, 3)");
    return bytes.replace(at, 6, shape);
  };
  test::write_file(dir / "big.npy", with_shape("(99999999999999999999, 3)"));
  test::expect_error([&] { read_npy(dir / "big.npy"); }, {"malformed NPY header", "does not fit 63 bits"});
  test::write_file(dir / "wrap.npy", with_shape("(4611686018427387904, 4)"));
  test::expect_error([&] { read_npy(dir / "wrap.npy"); },
                     {"wrap.npy': its header says shape 4611686018427387904x4 needs more than 2^64 bytes"});
  test::write_file(dir / "empty.npy", with_shape("(0, 4294967296, 4294967296)"));
  test::expect_error([&] { read_npy(dir / "empty.npy"); }, {"its header says shape 0x4294967296x4294967296", "(one row) needs more than 2^64 bytes"});
  test::write_file(dir / "zero.npy", with_shape("(3, 0)"));
  test::expect_error([&] { read_npy(dir / "zero.npy"); }, {"shape 3x0", "rows of 0 values"});
}

TEST(Npy, WrongMagicDtypeAndHeader) {
  test::TempDir dir;
  test::write_file(dir / "x.npy", "PK\x03\x04 a zip file");
  test::expect_error([&] { read_npy(dir / "x.npy"); },
                     {"x.npy' is not an NPY file: expected magic \\x93NUMPY, found 'PK\\x03\\x04"});
  std::string complex = numpy_arange_2x3();
  complex.replace(complex.find("<f4"), 3, "<c8");
  test::write_file(dir / "c.npy", complex);
  test::expect_error([&] { read_npy(dir / "c.npy"); }, {"has dtype '<c8'", "astype('float32')"});
  std::string no_shape = numpy_arange_2x3();
  no_shape.replace(no_shape.find("'shape'"), 7, "'shapo'");
  test::write_file(dir / "s.npy", no_shape);
  test::expect_error([&] { read_npy(dir / "s.npy"); }, {"malformed NPY header", "no 'shape' key"});
  test::expect_error([&] { read_npy(dir / "none.npy"); }, {"none.npy': no such file"});
}

TEST(Npy, AFailedWriteLeavesNothing) {
  test::TempDir dir;
  write_npy(dir / "x.npy", sample(2, 2));
  const std::string before = test::read_file(dir / "x.npy");
  test::write_file(dir / "sub", "a file where a folder is asked for");
  test::expect_error([&] { write_npy(dir / "sub" / "x.npy", sample(2, 2)); }, {"cannot create folder", "sub"});
  EXPECT_EQ(test::read_file(dir / "x.npy"), before);
  EXPECT_EQ(test::folder_listing(dir.path()), (std::vector<std::string>{"sub", "x.npy"}));
}

}  // namespace
}  // namespace aekit::data
