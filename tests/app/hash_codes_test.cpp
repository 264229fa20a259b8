// Thresholds of binary codes (app/hash_codes.hpp): by the code's activation (sigmoid 0.5, tanh 0,
// else each unit's median, so half the rows or fewer are above it), a median asked for, a number;
// bad rules and a median of no rows are refused.
#include "aekit/app/hash_codes.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::app {
namespace {

FloatMatrix column_codes() {
  FloatMatrix codes(5, 2);
  codes << 0.9f, -3.0f,  //
      0.1f, 7.0f,        //
      0.4f, 1.0f,        //
      0.8f, 2.0f,        //
      0.3f, -1.0f;
  return codes;
}

TEST(HashCodeThresholds, FollowTheCodeActivationOrTheRule) {
  const FloatMatrix codes = column_codes();
  EXPECT_EQ(code_thresholds(codes, Activation::sigmoid, "auto"), (std::vector<float>{0.5f, 0.5f}));
  EXPECT_EQ(code_thresholds(codes, Activation::tanh, "auto"), (std::vector<float>{0.0f, 0.0f}));
  const std::vector<float> medians{0.4f, 1.0f};
  EXPECT_EQ(code_thresholds(codes, Activation::identity, "auto"), medians);
  EXPECT_EQ(code_thresholds(codes, Activation::sigmoid, "median"), medians);
  EXPECT_EQ(code_thresholds(codes, Activation::relu, "0.25"), (std::vector<float>{0.25f, 0.25f}));
  for (Index j = 0; j < 2; ++j) EXPECT_EQ(((codes.col(j).array() > medians[std::size_t(j)]).count()), 2);
}

TEST(HashCodeThresholds, RefuseBadRulesAndAMedianOfNoRows) {
  test::expect_error<UsageError>([] { code_thresholds(column_codes(), Activation::sigmoid, "half"); },
                                 {"--threshold: expected auto, median or a number, found 'half'"});
  test::expect_error<UsageError>([] { code_thresholds(FloatMatrix(0, 3), Activation::relu, "median"); },
                                 {"a median threshold needs at least one row"});
}

}  // namespace
}  // namespace aekit::app
