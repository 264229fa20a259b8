// The units of an RBM (models/rbm/rbm_units.hpp): their means, and samples with the right
// distribution, reproduced from the same stream.
#include "aekit/models/rbm/rbm_units.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"

namespace aekit::models {
namespace {

TEST(RbmUnits, MeansAreSigmoidOrIdentity) {
  Matrix z(1, 3);
  z << -2, 0, 3;
  Matrix bernoulli = z, gaussian = z;
  unit_means(RbmUnits::bernoulli, bernoulli);
  unit_means(RbmUnits::gaussian, gaussian);
  for (Index j = 0; j < 3; ++j) EXPECT_NEAR(bernoulli(0, j), 1 / (1 + std::exp(-z(0, j))), 1e-6);
  EXPECT_EQ(gaussian, z);
}

TEST(RbmUnits, SamplesFollowTheirMeans) {
  const Matrix means = Matrix::Constant(200, 50, Scalar(0.3));
  Matrix bits(200, 50), reals(200, 50), again(200, 50);
  Rng rng(1), same(1);
  sample_units(RbmUnits::bernoulli, means, bits, rng);
  sample_units(RbmUnits::bernoulli, means, again, same);
  EXPECT_EQ(bits, again);
  EXPECT_TRUE(((bits.array() == 0) || (bits.array() == 1)).all());
  EXPECT_NEAR(double(bits.mean()), 0.3, 0.01);
  sample_units(RbmUnits::gaussian, means, reals, rng);
  EXPECT_NEAR(double(reals.mean()), 0.3, 0.02);
  EXPECT_NEAR(double((reals.array() - Scalar(0.3)).square().mean()), 1, 0.03);
}

TEST(RbmUnits, NamesRoundTripAndUnknownOnesAreRefused) {
  for (const auto units : {RbmUnits::bernoulli, RbmUnits::gaussian})
    EXPECT_EQ(parse_rbm_units(rbm_units_name(units)), units);
  EXPECT_THROW(parse_rbm_units("poisson"), UsageError);
}

}  // namespace
}  // namespace aekit::models
