// Parsing data-set specs: schemes, extensions, options and the errors for bad ones.
#include "aekit/data/dataset_spec.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"

namespace aekit::data {
namespace {

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
  EXPECT_EQ(parse_dataset_spec("train-images-idx3-ubyte.gz").scheme, "idx");
}

TEST(DatasetSpec, BadSpecsAreUsageErrors) {
  EXPECT_THROW(parse_dataset_spec("parquet:x.parquet"), UsageError);
  EXPECT_THROW(parse_dataset_spec("npy:x.npy?limit=abc"), UsageError);
  EXPECT_THROW(parse_dataset_spec("npy:x.npy?colour=red"), UsageError);
}

}  // namespace
}  // namespace aekit::data
