#include "aekit/data/csv.hpp"

#include <gtest/gtest.h>

#include <cstring>

#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::data {
namespace {

TEST(Csv, RoundTripIsExactWithAndWithoutHeader) {
  test::TempDir dir;
  FloatMatrix x(3, 4);
  x << 0.1f, -2.5e-8f, 3e30f, 1.0f / 3.0f, 4, 5, 6, 7, -0.0f, 1e-45f, 255, 0.2f;
  write_csv(dir / "h.csv", x, {"a", "b", "c", "d"});
  const CsvTable h = read_csv(dir / "h.csv");
  EXPECT_EQ(h.header, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(std::memcmp(h.x.data(), x.data(), sizeof(float) * x.size()), 0);
  write_csv(dir / "n.csv.gz", x);
  const CsvTable n = read_csv(dir / "n.csv.gz");
  EXPECT_TRUE(n.header.empty());
  EXPECT_EQ(std::memcmp(n.x.data(), x.data(), sizeof(float) * x.size()), 0);
}

TEST(Csv, ToleratesCommonVariations) {
  test::TempDir dir;
  test::write_file(dir / "v.csv",
                   "# written by np.savetxt\r\n\"x 1\", \"x 2\"\r\n 1 , +2\r\n\r\n\"3\",4e0\r\n");
  const CsvTable t = read_csv(dir / "v.csv");
  EXPECT_EQ(t.header, (std::vector<std::string>{"x 1", "x 2"}));
  FloatMatrix expected(2, 2);
  expected << 1, 2, 3, 4;
  EXPECT_EQ(t.x, expected);
}

TEST(Csv, NonNumberNamesLineAndColumn) {
  test::TempDir dir;
  test::write_file(dir / "b.csv", "a,b,c\n1,2,3\n4,abc,6\n");
  test::expect_error([&] { read_csv(dir / "b.csv"); },
                     {"b.csv' line 3, column 2: expected a number, found 'abc'"});
  test::write_file(dir / "e.csv", "1,2,3\n4,,6\n");
  test::expect_error([&] { read_csv(dir / "e.csv"); },
                     {"line 2, column 2: expected a number, found ''"});
}

TEST(Csv, RaggedRowNamesTheLine) {
  test::TempDir dir;
  test::write_file(dir / "r.csv", "1,2,3\n4,5,6\n\n7,8\n");
  test::expect_error([&] { read_csv(dir / "r.csv"); },
                     {"r.csv' line 4 has 2 columns, expected 3 like line 1"});
  test::write_file(dir / "rh.csv", "a,b\n1,2,3\n");
  test::expect_error([&] { read_csv(dir / "rh.csv"); },
                     {"line 2 has 3 columns, expected 2 like the header"});
}

}  // namespace
}  // namespace aekit::data
