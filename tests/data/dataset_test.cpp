#include "aekit/data/dataset.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "aekit/data/csv.hpp"
#include "aekit/data/idx.hpp"
#include "aekit/data/npy.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::data {
namespace {


TEST(Dataset, FilesByScheme) {
  test::TempDir dir;
  const FloatMatrix x = test::counting_data(6, 12);
  write_idx_images(dir / "x-ubyte.gz", x, Shape{1, 3, 4});
  write_idx_labels(dir / "y.idx", {0, 1, 0, 1, 0, 1});
  write_npy(dir / "x.npy", x, Shape{3, 2, 2});
  write_csv(dir / "x.csv", x);

  const Dataset idx = load_dataset("idx:" + (dir / "x-ubyte.gz").string() +
                                   "?labels=" + (dir / "y.idx").string() + "&limit=4");
  EXPECT_EQ(idx.x, x.topRows(4));
  EXPECT_EQ(idx.labels, (std::vector<int>{0, 1, 0, 1}));
  EXPECT_EQ(idx.shape, (Shape{1, 3, 4}));
  EXPECT_EQ(idx.name, (dir / "x-ubyte.gz").string());

  for (const std::string& spec : {"npy:" + (dir / "x.npy").string(), (dir / "x.npy").string()}) {
    const Dataset npy = load_dataset(spec);
    EXPECT_EQ(npy.x, x);
    EXPECT_EQ(npy.shape, (Shape{3, 2, 2}));
    EXPECT_TRUE(npy.labels.empty());
  }
  const Dataset csv = load_dataset((dir / "x.csv").string() + "?limit=100");
  EXPECT_EQ(csv.x, x);
  EXPECT_EQ(csv.shape, (Shape{1, 1, 12}));
  EXPECT_EQ(load_dataset((dir / "x-ubyte.gz").string()).x, x);

  const Dataset last = load_dataset("csv:" + (dir / "x.csv").string() + "?label_column=-1");
  EXPECT_EQ(last.x, x.leftCols(11));
  EXPECT_EQ(last.labels[1], 23);
  EXPECT_EQ(last.shape, (Shape{1, 1, 11}));
}

TEST(Dataset, BadSpecsAreUsageErrors) {
  test::TempDir dir;
  test::expect_error<UsageError>([] { load_dataset("mnist:train"); },
                                 {"unknown data set 'mnist:train'", "fashion-mnist:train",
                                  "idx:PATH", "npy:PATH", "csv:PATH"});
  test::expect_error<UsageError>([] { load_dataset("fashion-mnist:val"); },
                                 {"unknown split 'val'", "fashion-mnist:test"});
  test::expect_error<UsageError>([] { load_dataset("fashion-mnist"); },
                                 {"unknown split ''", "fashion-mnist:train"});
  test::expect_error<UsageError>([] { load_dataset("data.txt"); },
                                 {"cannot tell the format of data 'data.txt'", "npy:data.txt"});
  test::expect_error<UsageError>([] { load_dataset("fashion-mnist:test?limt=5"); },
                                 {"unknown option 'limt=5'", "limit=N"});
  test::expect_error<UsageError>([] { load_dataset("fashion-mnist:test?limit=0"); },
                                 {"limit=0 is not a whole number >= 1"});
  test::expect_error<UsageError>([] { load_dataset("x.npy?limit=ten"); }, {"limit=ten"});
  test::expect_error<UsageError>([] { load_dataset("npy:"); }, {"names no file"});
}

TEST(Dataset, NonFiniteValuesAreRejectedWithTheirPlace) {
  test::TempDir dir;
  FloatMatrix x = test::counting_data(5, 20);
  x(3, 17) = std::nanf("");
  x(4, 2) = INFINITY;
  const auto path = (dir / "x.npy").string();
  write_npy(path, x);
  test::expect_error([&] { load_dataset(path); },
                     {"data '" + path + "' has NaN at row 3, column 17",
                      "aekit needs finite values"});
  EXPECT_NO_THROW(load_dataset(path + "?limit=3"));
  test::write_file(dir / "i.csv", "1,2\n3,-inf\n");
  test::expect_error([&] { load_dataset((dir / "i.csv").string()); },
                     {"has -Inf at row 1, column 1"});
}

TEST(Dataset, LabelsMustMatchTheRows) {
  test::TempDir dir;
  write_npy(dir / "x.npy", test::counting_data(4, 3));
  write_npy_labels(dir / "y.npy", {1, 2, 3});
  test::expect_error([&] {
    load_dataset((dir / "x.npy").string() + "?labels=" + (dir / "y.npy").string());
  }, {"has 4 rows but labels", "has 3 labels"});
  test::write_file(dir / "empty.csv", "a,b\n");
  test::expect_error([&] { load_dataset((dir / "empty.csv").string()); }, {"is empty (0 rows"});
  test::expect_error([&] { load_dataset("idx:" + (dir / "nothing").string()); },
                     {"nothing': no such file"});
}

TEST(Dataset, TheShapeOptionShapesRowsThatStoreNone) {
  test::TempDir dir;
  write_npy(dir / "x.npy", test::counting_data(4, 12));
  const std::string path = (dir / "x.npy").string();
  EXPECT_EQ(load_dataset(path).shape, (Shape{1, 1, 12}));
  EXPECT_EQ(load_dataset(path + "?shape=3x2x2").shape, (Shape{3, 2, 2}));
  EXPECT_EQ(load_dataset(path + "?limit=2&shape=3x4").shape, (Shape{1, 3, 4}));
  test::expect_error<UsageError>([&] { load_dataset(path + "?shape=5x5"); },
                                 {"shape 1x5x5 has 25 values, but its rows have 12"});
}

}  // namespace
}  // namespace aekit::data
