// Weight initializers: their ranges and spreads, bias rules, and parsing.
#include "aekit/nn/init.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"

namespace aekit::nn {
namespace {

struct Filled {
  Matrix weight, bias;
};

Filled fill(const Init& init, Index out, Index in) {
  Filled f{Matrix(out, in), Matrix::Constant(1, out, 7)};
  Rng rng(9);
  init.fill_weight(MatrixMap(f.weight.data(), out, in), rng);
  init.fill_bias(MatrixMap(f.bias.data(), 1, out), in, rng);
  return f;
}

double variance(const Matrix& m) {
  const double mean = m.mean();
  return (m.array() - Scalar(mean)).square().sum() / double(m.size());
}

TEST(Init, GlorotIsUniformWithinItsBoundAndZeroBias) {
  const auto f = fill(Init::parse("glorot"), 300, 500);
  const double bound = std::sqrt(6.0 / 800);
  EXPECT_LE(f.weight.cwiseAbs().maxCoeff(), bound);
  EXPECT_NEAR(variance(f.weight), bound * bound / 3, 0.03 * bound * bound / 3);
  EXPECT_EQ(f.bias.cwiseAbs().maxCoeff(), 0);
}

TEST(Init, HeHasVarianceTwoOverFanIn) {
  const auto f = fill(Init::parse("he"), 300, 400);
  EXPECT_NEAR(variance(f.weight), 2.0 / 400, 0.03 * 2.0 / 400);
}

TEST(Init, NormalHasTheGivenStandardDeviationAndZeroBias) {
  const auto f = fill(Init::parse("normal:0.02"), 300, 400);
  EXPECT_NEAR(variance(f.weight), 0.02 * 0.02, 0.03 * 0.02 * 0.02);
  EXPECT_EQ(f.bias.cwiseAbs().maxCoeff(), 0);
}

TEST(Init, UniformAndTorchBounds) {
  const auto u = fill(Init::parse("uniform:0.01"), 50, 60);
  EXPECT_LE(u.weight.cwiseAbs().maxCoeff(), 0.01f);
  EXPECT_GT(u.weight.cwiseAbs().maxCoeff(), 0.009f);
  const auto t = fill(Init::parse("torch"), 50, 100);
  EXPECT_LE(t.weight.cwiseAbs().maxCoeff(), 0.1f);
  EXPECT_LE(t.bias.cwiseAbs().maxCoeff(), 0.1f);
  EXPECT_GT(t.bias.cwiseAbs().maxCoeff(), 0);  // torch draws biases too
}

TEST(Init, NamesRoundTripAndBadNamesAreUsageErrors) {
  for (const char* name : {"glorot", "he", "torch", "uniform:0.01", "normal:0.02"})
    EXPECT_EQ(Init::parse(name).name(), name);
  EXPECT_THROW(Init::parse("xavier_normal"), UsageError);
  EXPECT_THROW(Init::parse("uniform:-1"), UsageError);
  EXPECT_THROW(Init::parse("uniform:abc"), UsageError);
  EXPECT_THROW(Init::parse("normal:0"), UsageError);
  EXPECT_THROW(Init::parse("normal:"), UsageError);
}

}  // namespace
}  // namespace aekit::nn
