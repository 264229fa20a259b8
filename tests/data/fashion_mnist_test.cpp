// Fashion-MNIST: the Debian package's files, the AEKIT_DATA search path, and the message when
// the set is missing.
#include "aekit/data/fashion_mnist.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "aekit/data/dataset.hpp"
#include "aekit/data/idx.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"
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

TEST(FashionMnist, LoadsFromTheDebianPackage) {
  ScopedEnv no_override("AEKIT_DATA", std::nullopt);
  expect_fashion_mnist("fashion-mnist:train", 60000);
  expect_fashion_mnist("fashion-mnist:test", 10000);
  expect_fashion_mnist("fashion-mnist:test?limit=1000", 1000);
}

TEST(FashionMnist, AekitDataOverridesTheSearchPath) {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "fashion-mnist");
  write_idx_images(dir / "fashion-mnist" / "t10k-images-idx3-ubyte.gz", test::counting_data(5, 16),
                   Shape{1, 4, 4});
  write_idx_labels(dir / "fashion-mnist" / "t10k-labels-idx1-ubyte", {1, 2, 3, 4, 5});
  ScopedEnv env("AEKIT_DATA", (dir / "empty").string() + "::" + dir.path().string());
  const auto folders = fashion_mnist_search_path();
  ASSERT_EQ(folders.size(), 5u);
  EXPECT_EQ(folders[3], dir / "fashion-mnist");
  EXPECT_EQ(folders[4], "/usr/share/datasets/fashion-mnist");
  const Dataset data = load_dataset("fashion-mnist:test");
  EXPECT_EQ(data.x, test::counting_data(5, 16));
  EXPECT_EQ(data.labels, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(data.shape, (Shape{1, 4, 4}));
}

TEST(FashionMnist, MissingSetSaysWhereItLookedAndWhatToInstall) {
  test::TempDir dir;
  test::expect_error([&] { load_fashion_mnist("train", {dir / "a", dir / "b"}); },
                     {"cannot find Fashion-MNIST train", "train-images-idx3-ubyte.gz",
                      "looked in " + (dir / "a").string() + ", " + (dir / "b").string(),
                      "install the Debian package dataset-fashion-mnist or set AEKIT_DATA"});
}

}  // namespace
}  // namespace aekit::data
