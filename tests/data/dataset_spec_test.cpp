// Parsing data-set specs: schemes, extensions, options and the errors for bad ones.
#include "aekit/data/dataset_spec.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::data {
namespace {

// Fuzzing (docs/reliability.md, fuzz/regressions/dataset_spec/): a name the file system refuses
// (too long) threw std::filesystem::filesystem_error from the existence check.
TEST(DatasetSpec, NamesTooLongForTheFileSystemAreNoFiles) {
  const std::string long_name(5000, 'a');
  test::expect_error<UsageError>([&] { parse_dataset_spec("mh-1on:" + long_name); }, {"unknown data set"});
  EXPECT_EQ(parse_dataset_spec(long_name + ".npy").scheme, "npy");
}

TEST(DatasetSpec, SchemesAndOptions) {
  const auto named = parse_dataset_spec("fashion-mnist:test?limit=100");
  EXPECT_EQ(named.scheme, "fashion-mnist");
  EXPECT_EQ(named.path, "test");
  ASSERT_TRUE(named.limit.has_value());
  EXPECT_EQ(*named.limit, 100);

  const auto npy = parse_dataset_spec("npy:x.npy?labels=y.npy");
  EXPECT_EQ(npy.scheme, "npy");
  EXPECT_EQ(npy.path, "x.npy");
  EXPECT_EQ(npy.labels, "y.npy");

  EXPECT_EQ(parse_dataset_spec("digits.csv?label_column=-1").scheme, "csv");
  EXPECT_EQ(*parse_dataset_spec("digits.csv?label_column=-1").label_column, -1);
  EXPECT_EQ(*parse_dataset_spec("x.npy?shape=3x4x5&limit=2").shape, (Shape{3, 4, 5}));
  EXPECT_EQ(*parse_dataset_spec("x.csv?shape=28x28").shape, (Shape{1, 28, 28}));
  EXPECT_EQ(parse_dataset_spec("train-images-idx3-ubyte.gz").scheme, "idx");

  const auto images = parse_dataset_spec("images:photos/?limit=3");
  EXPECT_EQ(images.scheme, "images");
  EXPECT_EQ(images.path, "photos/");
  EXPECT_EQ(*images.limit, 3);

  const auto patches = parse_dataset_spec("patches:photos:8");
  EXPECT_EQ(patches.scheme, "patches");
  EXPECT_EQ(patches.path, "photos");
  EXPECT_EQ(patches.patch_size, 8);
  EXPECT_EQ(patches.patch_stride, 8);
  const auto strided = parse_dataset_spec("patches:a.png:16:4?limit=10");
  EXPECT_EQ(strided.path, "a.png");
  EXPECT_EQ(strided.patch_size, 16);
  EXPECT_EQ(strided.patch_stride, 4);
  EXPECT_EQ(*strided.limit, 10);
}

TEST(DatasetSpec, BadSpecsAreUsageErrors) {
  EXPECT_THROW(parse_dataset_spec("parquet:x.parquet"), UsageError);
  EXPECT_THROW(parse_dataset_spec("npy:x.npy?limit=abc"), UsageError);
  EXPECT_THROW(parse_dataset_spec("npy:x.npy?colour=red"), UsageError);
  EXPECT_THROW(parse_dataset_spec("patches:photos"), UsageError);
  EXPECT_THROW(parse_dataset_spec("patches:photos:0"), UsageError);
  EXPECT_THROW(parse_dataset_spec("patches:photos:8:-1"), UsageError);
  EXPECT_THROW(parse_dataset_spec("patches::8"), UsageError);
  test::expect_error<UsageError>([] { parse_dataset_spec("x.csv?shape=28x0"); },
                                 {"shape=28x0 is not a shape", "expected CxHxW or HxW"});
  test::expect_error<UsageError>([] { parse_dataset_spec("x.csv?shape=1x2x3x4"); }, {"shape=1x2x3x4"});
}

}  // namespace
}  // namespace aekit::data
