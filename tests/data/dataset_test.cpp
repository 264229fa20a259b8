#include "aekit/data/dataset.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "aekit/data/csv.hpp"
#include "aekit/data/fashion_mnist.hpp"
#include "aekit/data/idx.hpp"
#include "aekit/data/npy.hpp"
#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::data {
namespace {

// Sets (or unsets, with nullopt) an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) setenv(name, value->c_str(), 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

FloatMatrix counting(Index n, Index d) {
  FloatMatrix x(n, d);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(i % 256);
  return x;
}

void expect_fashion_mnist(const std::string& spec, Index rows) {
  try {
    const Dataset data = load_dataset(spec);
    EXPECT_EQ(data.x.rows(), rows);
    EXPECT_EQ(data.x.cols(), 784);
    EXPECT_EQ(data.shape, (Shape{1, 28, 28}));
    EXPECT_EQ(data.labels.size(), static_cast<std::size_t>(rows));
    EXPECT_EQ(*std::min_element(data.labels.begin(), data.labels.end()), 0);
    EXPECT_EQ(*std::max_element(data.labels.begin(), data.labels.end()), 9);
    EXPECT_EQ(data.x.minCoeff(), 0.0f);
    EXPECT_EQ(data.x.maxCoeff(), 255.0f);
    EXPECT_EQ(data.name, spec.substr(0, spec.find('?')));
  } catch (const Error& e) {
    FAIL() << "Fashion-MNIST must be installed for this test (Debian package "
              "dataset-fashion-mnist, files in /usr/share/datasets/fashion-mnist): "
           << e.what();
  }
}

TEST(Dataset, FashionMnistFromTheDebianPackage) {
  ScopedEnv no_override("AEKIT_DATA", std::nullopt);
  expect_fashion_mnist("fashion-mnist:train", 60000);
  expect_fashion_mnist("fashion-mnist:test", 10000);
  expect_fashion_mnist("fashion-mnist:test?limit=1000", 1000);
}

TEST(Dataset, AekitDataOverridesTheSearchPath) {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "fashion-mnist");
  write_idx_images(dir / "fashion-mnist" / "t10k-images-idx3-ubyte.gz", counting(5, 16),
                   Shape{1, 4, 4});
  write_idx_labels(dir / "fashion-mnist" / "t10k-labels-idx1-ubyte", {1, 2, 3, 4, 5});
  ScopedEnv env("AEKIT_DATA", (dir / "empty").string() + "::" + dir.path().string());
  const auto folders = fashion_mnist_search_path();
  ASSERT_EQ(folders.size(), 5u);
  EXPECT_EQ(folders[3], dir / "fashion-mnist");
  EXPECT_EQ(folders[4], "/usr/share/datasets/fashion-mnist");
  const Dataset data = load_dataset("fashion-mnist:test");
  EXPECT_EQ(data.x, counting(5, 16));
  EXPECT_EQ(data.labels, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(data.shape, (Shape{1, 4, 4}));
}

TEST(Dataset, MissingFashionMnistSaysWhereItLookedAndWhatToInstall) {
  test::TempDir dir;
  test::expect_error([&] { load_fashion_mnist("train", {dir / "a", dir / "b"}); },
                     {"cannot find Fashion-MNIST train", "train-images-idx3-ubyte.gz",
                      "looked in " + (dir / "a").string() + ", " + (dir / "b").string(),
                      "install the Debian package dataset-fashion-mnist or set AEKIT_DATA"});
}

TEST(Dataset, FilesByScheme) {
  test::TempDir dir;
  const FloatMatrix x = counting(6, 12);
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
  FloatMatrix x = counting(5, 20);
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
  write_npy(dir / "x.npy", counting(4, 3));
  write_npy_labels(dir / "y.npy", {1, 2, 3});
  test::expect_error([&] {
    load_dataset((dir / "x.npy").string() + "?labels=" + (dir / "y.npy").string());
  }, {"has 4 rows but labels", "has 3 labels"});
  test::write_file(dir / "empty.csv", "a,b\n");
  test::expect_error([&] { load_dataset((dir / "empty.csv").string()); }, {"is empty (0 rows"});
  test::expect_error([&] { load_dataset("idx:" + (dir / "nothing").string()); },
                     {"nothing': no such file"});
}

}  // namespace
}  // namespace aekit::data
