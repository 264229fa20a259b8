// The sliders' axes (report/latent_axes.hpp): code units with their mean and sample standard
// deviation up to 8 units, else the first 8 principal directions with sqrt of their variance.
#include "aekit/report/latent_axes.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/random_data.hpp"

namespace aekit::report {
namespace {

TEST(LatentAxes, CodeUnitsUpToEight) {
  FloatMatrix codes(4, 2);
  codes << 1, 10, 2, 10, 3, 10, 6, 10;  // unit 0: mean 3, sample variance 14/3; unit 1 constant
  const LatentAxes axes = latent_axes(codes);
  EXPECT_TRUE(axes.code_units);
  EXPECT_FLOAT_EQ(axes.mean[0], 3);
  EXPECT_FLOAT_EQ(axes.mean[1], 10);
  EXPECT_FLOAT_EQ(axes.sd[0], std::sqrt(14.0f / 3));
  EXPECT_FLOAT_EQ(axes.sd[1], 0);
  EXPECT_EQ(axes.directions, FloatMatrix::Identity(2, 2));
}

TEST(LatentAxes, EightPrincipalDirectionsBeyondEightUnits) {
  // 12 units with variances 12^2, 11^2, ..., 1^2 along the units: the principal directions are
  // the units themselves, largest first.
  FloatMatrix codes = test::uniform_data(4000, 12, 3).array() - 0.5f;
  for (Index j = 0; j < 12; ++j) codes.col(j) *= float(12 - j) * std::sqrt(12.0f);
  codes.rowwise() += Eigen::RowVectorXf::Constant(12, 5.0f);
  const LatentAxes axes = latent_axes(codes);
  EXPECT_FALSE(axes.code_units);
  ASSERT_EQ(axes.directions.rows(), 8);
  ASSERT_EQ(axes.sd.size(), 8);
  EXPECT_NEAR(axes.mean[0], 5, 0.5);
  for (Index i = 0; i < 8; ++i) {
    EXPECT_NEAR(axes.directions.row(i).norm(), 1, 1e-5);
    EXPECT_NEAR(std::abs(axes.directions(i, i)), 1, 0.02) << i;
    EXPECT_NEAR(axes.sd[i], 12 - i, 0.06 * (12 - i)) << i;
  }
}

TEST(LatentAxes, NeedTwoCodes) {
  EXPECT_THROW(latent_axes(FloatMatrix::Zero(1, 3)), Error);
}

}  // namespace
}  // namespace aekit::report
