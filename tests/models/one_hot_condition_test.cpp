// A conditional model's inputs (models/one_hot_condition.hpp): [a | one-hot(y)] with each
// indicator once (flat rows) or repeated as a plane (images), the errors for missing or unknown
// labels, and the class-major labels of samples.
#include "aekit/models/one_hot_condition.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

TEST(OneHotCondition, LabelsFollowTheRowOnceOrAsPlanes) {
  Matrix a(2, 2);
  a << 1, 2, 3, 4;
  const std::int32_t labels[] = {2, 0};
  Workspace buffer;
  Matrix once = join_one_hot(a, labels, 3, 1, "vae", buffer);
  Matrix expected(2, 5);
  expected << 1, 2, 0, 0, 1, 3, 4, 1, 0, 0;
  EXPECT_EQ(once, expected);
  Matrix planes = join_one_hot(a, labels, 3, 2, "gan", buffer);  // planes of 2 values
  Matrix expected_planes(2, 8);
  expected_planes << 1, 2, 0, 0, 0, 0, 1, 1, 3, 4, 1, 1, 0, 0, 0, 0;
  EXPECT_EQ(planes, expected_planes);
}

TEST(OneHotCondition, MissingOrUnknownLabelsNameTheModel) {
  const Matrix a = Matrix::Zero(2, 1);
  Workspace buffer;
  const std::int32_t one[] = {0};
  test::expect_error<Error>([&] { join_one_hot(a, one, 2, 1, "gan", buffer); },
                            {"a conditional gan needs a class label per row", "found 1 labels for 2 rows"});
  const std::int32_t unknown[] = {0, -1};
  test::expect_error<Error>([&] { join_one_hot(a, unknown, 2, 1, "vae", buffer); },
                            {"label -1 of row 1", "the conditional vae knows classes 0 to 1"});
}

TEST(OneHotCondition, SamplesComeInClassMajorBlocks) {
  std::vector<std::int32_t> labels;
  class_major_labels(6, 3, labels);
  EXPECT_EQ(labels, (std::vector<std::int32_t>{0, 0, 1, 1, 2, 2}));
  class_major_labels(4, 3, labels);  // n not a multiple of C: every class still appears
  EXPECT_EQ(labels, (std::vector<std::int32_t>{0, 0, 1, 2}));
}

}  // namespace
}  // namespace aekit::models
