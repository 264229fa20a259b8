// Corruption (denoising autoencoders): each kind's noise statistics within sampling
// tolerance, clipping, in-place use, determinism, and parse/validate messages.
#include "aekit/models/autoencoder/corruption.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

using Kind = Corruption::Kind;

constexpr Index kRows = 400, kCols = 500;  // 200k entries
constexpr double kEntries = double(kRows) * kCols;

Corruption make(Kind kind, double level, bool clip = false) {
  Corruption c;
  c.kind = kind;
  c.level = level;
  c.clip = clip;
  c.validate();
  return c;
}

// Mean and (population) variance of noisy - clean.
struct Moments {
  double mean = 0, variance = 0, min = 0, max = 0;
};
Moments noise_moments(const Matrix& clean, const Matrix& noisy) {
  const Eigen::ArrayXd e =
      (noisy - clean).cast<double>().reshaped<Eigen::RowMajor>().array();
  Moments m;
  m.mean = e.mean();
  m.variance = (e - m.mean).square().mean();
  m.min = e.minCoeff();
  m.max = e.maxCoeff();
  return m;
}

TEST(Corruption, MaskZeroesEntriesAtRateNu) {
  for (const double nu : {0.1, 0.25, 0.5}) {
    const Matrix clean = Matrix::Constant(kRows, kCols, Scalar(0.7));
    Matrix noisy(kRows, kCols);
    Rng rng(11);
    make(Kind::mask, nu).apply(clean, noisy, rng);
    const double zeros = double((noisy.array() == 0).count());
    const double kept = double((noisy.array() == Scalar(0.7)).count());
    EXPECT_EQ(zeros + kept, kEntries) << "mask changes entries only to 0";
    const double rate = zeros / kEntries;
    const double sigma = std::sqrt(nu * (1 - nu) / kEntries);
    EXPECT_LT(std::abs(rate - nu), 4 * sigma) << "nu " << nu << " rate " << rate;
  }
}

TEST(Corruption, MaskZeroKeepsEverything) {
  const Matrix clean = Matrix::Constant(30, 40, Scalar(0.3));
  Matrix noisy(30, 40);
  Rng rng(1);
  make(Kind::mask, 0).apply(clean, noisy, rng);
  EXPECT_EQ(noisy, clean);
}

TEST(Corruption, GaussianNoiseHasMeanZeroAndVarianceSigmaSquared) {
  const double sigma = 0.3;
  Matrix clean(kRows, kCols);
  Rng fill(3);
  for (Index i = 0; i < clean.size(); ++i) clean.data()[i] = Scalar(fill.uniform());
  Matrix noisy(kRows, kCols);
  Rng rng(12);
  make(Kind::gaussian, sigma).apply(clean, noisy, rng);
  const Moments m = noise_moments(clean, noisy);
  const double var = sigma * sigma;
  EXPECT_LT(std::abs(m.mean), 4 * sigma / std::sqrt(kEntries)) << m.mean;
  // Var of the sample variance of a normal: 2 sigma^4 / n.
  EXPECT_LT(std::abs(m.variance - var), 4 * var * std::sqrt(2 / kEntries)) << m.variance;
  EXPECT_LT(m.min, -3 * sigma);  // unclipped: tails reach well beyond [0, 1]
  EXPECT_GT(m.max, 3 * sigma);
}

TEST(Corruption, SaltPepperSetsHalfLowHalfHigh) {
  const double p = 0.2;
  const Matrix clean = Matrix::Constant(kRows, kCols, Scalar(0.5));
  Matrix noisy(kRows, kCols);
  Rng rng(13);
  make(Kind::salt_pepper, p).apply(clean, noisy, rng);
  const double low = double((noisy.array() == 0).count()) / kEntries;
  const double high = double((noisy.array() == 1).count()) / kEntries;
  const double kept = double((noisy.array() == Scalar(0.5)).count()) / kEntries;
  EXPECT_DOUBLE_EQ(low + high + kept, 1.0);
  const double tol = 4 * std::sqrt(p / 2 * (1 - p / 2) / kEntries);
  EXPECT_LT(std::abs(low - p / 2), tol) << low;
  EXPECT_LT(std::abs(high - p / 2), tol) << high;
  EXPECT_LT(std::abs(kept - (1 - p)), 4 * std::sqrt(p * (1 - p) / kEntries)) << kept;
}

TEST(Corruption, SaltPepperUsesTheGivenRange) {
  Corruption c = make(Kind::salt_pepper, 1.0);
  c.low = -1;
  c.high = 2;
  c.validate();
  const Matrix clean = Matrix::Zero(100, 100);
  Matrix noisy(100, 100);
  Rng rng(14);
  c.apply(clean, noisy, rng);
  EXPECT_EQ((noisy.array() == -1).count() + (noisy.array() == 2).count(), 10000);
  EXPECT_GT((noisy.array() == -1).count(), 4500);
  EXPECT_GT((noisy.array() == 2).count(), 4500);
}

TEST(Corruption, UniformNoiseStaysInRangeWithVarianceASquaredOverThree) {
  const double a = 0.3;
  const Matrix clean = Matrix::Constant(kRows, kCols, Scalar(0.5));
  Matrix noisy(kRows, kCols);
  Rng rng(15);
  make(Kind::uniform, a).apply(clean, noisy, rng);
  const Moments m = noise_moments(clean, noisy);
  const double tiny = 1e-6;  // float rounding of 0.5 + e
  EXPECT_GE(m.min, -a - tiny);
  EXPECT_LE(m.max, a + tiny);
  EXPECT_LT(m.min, -0.99 * a);  // and it does fill the range
  EXPECT_GT(m.max, 0.99 * a);
  const double var = a * a / 3;
  EXPECT_LT(std::abs(m.mean), 4 * std::sqrt(var / kEntries)) << m.mean;
  // Var(e^2) = E e^4 - (E e^2)^2 = a^4/5 - a^4/9 = 4 a^4 / 45.
  EXPECT_LT(std::abs(m.variance - var), 4 * std::sqrt(4 * a * a * a * a / 45 / kEntries))
      << m.variance;
}

TEST(Corruption, ClipClampsToTheRange) {
  const Matrix clean = Matrix::Constant(200, 200, Scalar(0.5));
  Matrix noisy(200, 200);
  Rng rng(16);
  make(Kind::gaussian, 1.0, /*clip=*/true).apply(clean, noisy, rng);
  EXPECT_GE(noisy.minCoeff(), 0);
  EXPECT_LE(noisy.maxCoeff(), 1);
  EXPECT_GT((noisy.array() == 0).count(), 1000);  // P(N(0.5, 1) < 0) ~ 0.31
  EXPECT_GT((noisy.array() == 1).count(), 1000);

  Corruption wide = make(Kind::uniform, 2.0, true);
  wide.low = -1;
  wide.high = 1;
  wide.validate();
  wide.apply(clean, noisy, rng);
  EXPECT_EQ(noisy.minCoeff(), -1);
  EXPECT_EQ(noisy.maxCoeff(), 1);

  // none + clip only clamps.
  Matrix outside(1, 4);
  outside << -0.5f, 0.25f, 0.75f, 1.5f;
  Matrix out(1, 4);
  make(Kind::none, 0, true).apply(outside, out, rng);
  Matrix expected(1, 4);
  expected << 0.f, 0.25f, 0.75f, 1.f;
  EXPECT_EQ(out, expected);
}

TEST(Corruption, NoneCopies) {
  Matrix clean(3, 4);
  clean.setRandom();
  Matrix noisy = Matrix::Zero(3, 4);
  Rng rng(0);
  Corruption().apply(clean, noisy, rng);
  EXPECT_EQ(noisy, clean);
  EXPECT_FALSE(Corruption().active());
  EXPECT_TRUE(make(Kind::mask, 0.1).active());
}

TEST(Corruption, SameSeedSameNoiseAndInPlaceAgrees) {
  for (const char* spec : {"gaussian:0.2", "mask:0.3", "saltpepper:0.2", "uniform:0.1:clip"}) {
    const Corruption c = Corruption::parse(spec);
    Matrix clean(50, 60);
    Rng fill(7);
    for (Index i = 0; i < clean.size(); ++i) clean.data()[i] = Scalar(fill.uniform());
    Matrix a(50, 60), b(50, 60);
    Rng r1(42), r2(42), r3(43);
    c.apply(clean, a, r1);
    c.apply(clean, b, r2);
    EXPECT_EQ(a, b) << spec;
    Matrix in_place = clean;
    Rng r4(42);
    c.apply(in_place, in_place, r4);
    EXPECT_EQ(in_place, a) << spec;
    c.apply(clean, b, r3);
    EXPECT_NE(a, b) << spec << ": another seed gives other noise";
  }
}

TEST(Corruption, WritesIntoAColumnBlockOfAWiderMatrix) {
  const Matrix clean = Matrix::Constant(5, 3, Scalar(0.5));
  Matrix wide = Matrix::Constant(5, 7, Scalar(9));
  Rng rng(5);
  Corruption().apply(clean, wide.middleCols(2, 3), rng);
  EXPECT_EQ(Matrix(wide.middleCols(2, 3)), clean);
  EXPECT_EQ(Matrix(wide.leftCols(2)), Matrix::Constant(5, 2, Scalar(9)));
  EXPECT_EQ(Matrix(wide.rightCols(2)), Matrix::Constant(5, 2, Scalar(9)));
}

TEST(Corruption, ParsesEveryKind) {
  const Corruption g = Corruption::parse("gaussian:0.1");
  EXPECT_EQ(g.kind, Kind::gaussian);
  EXPECT_DOUBLE_EQ(g.level, 0.1);
  EXPECT_FALSE(g.clip);
  EXPECT_EQ(Corruption::parse("mask:0.25").kind, Kind::mask);
  EXPECT_EQ(Corruption::parse("saltpepper:0.1").kind, Kind::salt_pepper);
  EXPECT_EQ(Corruption::parse("salt-pepper:0.1").kind, Kind::salt_pepper);
  EXPECT_EQ(Corruption::parse("salt_pepper:0.1").kind, Kind::salt_pepper);
  EXPECT_EQ(Corruption::parse("uniform:0.3").kind, Kind::uniform);
  EXPECT_EQ(Corruption::parse("none").kind, Kind::none);
  const Corruption clipped = Corruption::parse("gaussian:0.5:clip");
  EXPECT_TRUE(clipped.clip);
  EXPECT_DOUBLE_EQ(clipped.level, 0.5);
  for (const char* spec : {"none", "gaussian:0.1", "mask:0.25", "saltpepper:0.1", "uniform:0.3",
                           "gaussian:0.5:clip", "none:clip"})
    EXPECT_EQ(Corruption::parse(spec).name(), spec);
}

TEST(Corruption, ParseAndValidateErrorsSpeakToTheUser) {
  using test::expect_error;
  expect_error<UsageError>([] { Corruption::parse("mask:1.5"); },
                           {"mask noise nu must be in [0, 1), found 1.5"});
  expect_error<UsageError>([] { Corruption::parse("mask:1"); }, {"nu must be in [0, 1)"});
  expect_error<UsageError>([] { Corruption::parse("gaussian:-0.1"); },
                           {"gaussian noise sigma must be >= 0, found -0.1"});
  expect_error<UsageError>([] { Corruption::parse("uniform:-1"); },
                           {"uniform noise a must be >= 0, found -1"});
  expect_error<UsageError>([] { Corruption::parse("saltpepper:1.2"); },
                           {"salt-and-pepper noise p must be in [0, 1], found 1.2"});
  expect_error<UsageError>([] { Corruption::parse("blur:0.1"); },
                           {"unknown corruption 'blur:0.1'", "none", "gaussian:SIGMA", "mask:NU",
                            "saltpepper:P", "uniform:A"});
  expect_error<UsageError>([] { Corruption::parse("mask"); },
                           {"corruption 'mask' needs a level: mask:NU"});
  expect_error<UsageError>([] { Corruption::parse("gaussian:abc"); },
                           {"sigma must be a number, found 'abc'"});
  expect_error<UsageError>([] { Corruption::parse("gaussian:nan"); }, {"finite"});
  expect_error<UsageError>([] { Corruption::parse("none:0.1"); }, {"none takes no level"});

  Corruption bad;
  bad.kind = Kind::mask;
  bad.level = -0.1;
  expect_error<UsageError>([&] { bad.validate(); }, {"found -0.1"});
  Corruption range = make(Kind::gaussian, 0.1, true);
  range.low = 1;
  range.high = 0;
  expect_error<UsageError>([&] { range.validate(); }, {"low < high", "low 1 and high 0"});
}

}  // namespace
}  // namespace aekit::models
