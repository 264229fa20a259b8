// Sparsity penalties (sparse autoencoders): finite-difference checks of dP/dh for L1 and KL
// (double precision build), values on hand-computed cases, code statistics, and the
// parse/validate messages.
#include "aekit/models/autoencoder/sparsity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"
#include "support/gradient_check.hpp"
#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

using Kind = SparsityPenalty::Kind;
using test::random_matrix;

// dP/dh from accumulate() into a dh pre-filled with random values (so that it must ADD),
// checked against central differences of value().
test::GradientCheck check_penalty(SparsityPenalty& penalty, Matrix h, std::uint64_t seed) {
  Rng rng(seed);
  const Matrix prefill = random_matrix(h.rows(), h.cols(), -1, 1, rng);
  Matrix dh = prefill;
  const double p = penalty.accumulate(h, dh);
  EXPECT_NEAR(p, penalty.value(h), 1e-12);
  const Matrix analytic = dh - prefill;
  const auto f = [&] { return penalty.value(h); };
  return test::check_gradient(penalty.name(), {h.data(), std::size_t(h.size())}, f,
                              {analytic.data(), std::size_t(analytic.size())});
}

TEST(SparsityGradient, L1MatchesFiniteDifferences) {
  Rng rng(1);
  Matrix h = random_matrix(5, 7, -1, 1, rng);
  for (Index i = 0; i < h.size(); ++i)  // keep away from the kink at 0
    if (std::abs(h.data()[i]) < 0.05) h.data()[i] = 0.3;
  for (const double lambda : {0.0, 1e-3, 0.7}) {
    SparsityPenalty penalty = SparsityPenalty::l1(lambda);
    const auto check = check_penalty(penalty, h, 2);
    EXPECT_TRUE(check.ok) << check.report;
  }
}

TEST(SparsityGradient, KlMatchesFiniteDifferences) {
  Rng rng(3);
  for (const double rho : {0.05, 0.3, 0.8}) {
    for (const Index n : {Index(1), Index(6)}) {
      const Matrix h = random_matrix(n, 4, 0.05, 0.95, rng);
      SparsityPenalty penalty = SparsityPenalty::kl(rho, 2.5);
      const auto check = check_penalty(penalty, h, 4);
      EXPECT_TRUE(check.ok) << "rho " << rho << " n " << n << ": " << check.report;
    }
  }
}

TEST(SparsityGradient, KlThroughSigmoidCodesMatchesFiniteDifferences) {
  // h = sigmoid(z): dP/dz = dP/dh ⊙ h (1 - h), as the objective will chain it.
  Rng rng(5);
  Matrix z = random_matrix(4, 3, -3, 3, rng);
  SparsityPenalty penalty = SparsityPenalty::kl(0.1, 3);
  const auto sigmoid = [](const Matrix& x) {
    return Matrix((1 + (-x.array()).exp()).inverse());
  };
  const Matrix h = sigmoid(z);
  Matrix dh = Matrix::Zero(4, 3);
  penalty.accumulate(h, dh);
  const Matrix dz = dh.array() * h.array() * (1 - h.array());
  const auto f = [&] { return penalty.value(sigmoid(z)); };
  const auto check = test::check_gradient("kl_sigmoid", {z.data(), std::size_t(z.size())}, f,
                                          {dz.data(), std::size_t(dz.size())});
  EXPECT_TRUE(check.ok) << check.report;
}

TEST(SparsityPenalty, L1ValueAndSubgradientOnAHandCase) {
  Matrix h(2, 3);
  h << 0.5, -1, 0,  //
      2, 0, -0.25;
  SparsityPenalty penalty = SparsityPenalty::l1(0.1);
  // sum |h| = 3.75;  P = 0.1 * 3.75 / 2
  EXPECT_NEAR(penalty.value(h), 0.1875, 1e-15);
  Matrix dh = Matrix::Zero(2, 3);
  EXPECT_NEAR(penalty.accumulate(h, dh), 0.1875, 1e-15);
  Matrix expected(2, 3);
  expected << 0.05, -0.05, 0,  //
      0.05, 0, -0.05;  // subgradient 0 at h = 0
  EXPECT_LT((dh - expected).cwiseAbs().maxCoeff(), 1e-15) << dh;
}

TEST(SparsityPenalty, KlValueAndGradientOnAHandCase) {
  Matrix h(2, 2);
  h << 0.2, 0.5,  //
      0.4, 0.7;   // rho^ = [0.3, 0.6]
  SparsityPenalty penalty = SparsityPenalty::kl(0.1, 2);
  // KL(0.1 || 0.3) = 0.1 ln(1/3) + 0.9 ln(9/7)  = 0.11632...
  // KL(0.1 || 0.6) = 0.1 ln(1/6) + 0.9 ln(9/4)  = 0.55066...
  const double kl1 = 0.1 * std::log(1.0 / 3) + 0.9 * std::log(9.0 / 7);
  const double kl2 = 0.1 * std::log(1.0 / 6) + 0.9 * std::log(9.0 / 4);
  EXPECT_NEAR(kl1, 0.116322, 1e-6);
  EXPECT_NEAR(kl2, 0.550661, 1e-6);
  EXPECT_NEAR(penalty.value(h), 2 * (kl1 + kl2), 1e-12);
  Matrix dh = Matrix::Zero(2, 2);
  EXPECT_NEAR(penalty.accumulate(h, dh), 2 * (kl1 + kl2), 1e-12);
  // beta/N = 1;  g = -rho/rho^ + (1-rho)/(1-rho^) = [-1/3 + 9/7, -1/6 + 9/4], same each row
  const double g1 = -1.0 / 3 + 9.0 / 7, g2 = -1.0 / 6 + 9.0 / 4;
  EXPECT_NEAR(g1, 0.952381, 1e-6);
  EXPECT_NEAR(g2, 2.083333, 1e-6);
  for (Index r = 0; r < 2; ++r) {
    EXPECT_NEAR(dh(r, 0), g1, 1e-12);
    EXPECT_NEAR(dh(r, 1), g2, 1e-12);
  }
}

TEST(SparsityPenalty, KlIsZeroAtTheTargetAndFiniteWhenSaturated) {
  SparsityPenalty penalty = SparsityPenalty::kl(0.25, 4);
  Matrix at_target(4, 3);
  at_target << 0, 0.5, 0.25,  //
      0.5, 0, 0.25,           //
      0.5, 0.5, 0.25,         //
      0, 0, 0.25;             // every column mean is 0.25
  Matrix dh = Matrix::Zero(4, 3);
  EXPECT_NEAR(penalty.accumulate(at_target, dh), 0, 1e-15);
  EXPECT_LT(dh.cwiseAbs().maxCoeff(), 1e-12);

  const Matrix dead = Matrix::Zero(3, 2), saturated = Matrix::Ones(3, 2);
  dh.setZero(3, 2);
  EXPECT_TRUE(std::isfinite(penalty.accumulate(dead, dh)));
  EXPECT_TRUE(dh.allFinite());
  EXPECT_LT(dh.maxCoeff(), 0) << "a dead unit is pushed up";
  dh.setZero();
  EXPECT_TRUE(std::isfinite(penalty.accumulate(saturated, dh)));
  EXPECT_TRUE(dh.allFinite());
  EXPECT_GT(dh.minCoeff(), 0) << "a saturated unit is pushed down";
}

TEST(SparsityPenalty, NoneAndZeroWeightAddNothing) {
  Rng rng(9);
  const Matrix h = random_matrix(3, 4, 0.1, 0.9, rng);
  for (SparsityPenalty penalty : {SparsityPenalty{}, SparsityPenalty::l1(0), SparsityPenalty::kl(0.1, 0)}) {
    Matrix dh = Matrix::Constant(3, 4, 0.5);
    EXPECT_EQ(penalty.accumulate(h, dh), 0) << penalty.name();
    EXPECT_EQ(dh, Matrix::Constant(3, 4, 0.5)) << penalty.name();
    EXPECT_FALSE(penalty.active());
  }
  EXPECT_TRUE(SparsityPenalty::l1(1e-4).active());
}

TEST(SparsityPenalty, ParsesAndNames) {
  const SparsityPenalty l1 = SparsityPenalty::parse("l1:0.001");
  EXPECT_EQ(l1.kind, Kind::l1);
  EXPECT_DOUBLE_EQ(l1.weight, 0.001);
  const SparsityPenalty kl = SparsityPenalty::parse("kl:0.05:3");
  EXPECT_EQ(kl.kind, Kind::kl);
  EXPECT_DOUBLE_EQ(kl.rho, 0.05);
  EXPECT_DOUBLE_EQ(kl.weight, 3);
  EXPECT_EQ(SparsityPenalty::parse("none").kind, Kind::none);
  for (const char* spec : {"none", "l1:0.001", "kl:0.05:3"})
    EXPECT_EQ(SparsityPenalty::parse(spec).name(), spec);
}

TEST(SparsityPenalty, ValidationErrorsSpeakToTheUser) {
  using test::expect_error;
  expect_error<UsageError>([] { SparsityPenalty::parse("l1:-1"); },
                           {"l1 sparsity lambda must be a finite number >= 0, found -1"});
  expect_error<UsageError>([] { SparsityPenalty::parse("kl:1.5:3"); },
                           {"kl sparsity rho must be in (0, 1), found 1.5"});
  expect_error<UsageError>([] { SparsityPenalty::parse("kl:0:3"); },
                           {"rho must be in (0, 1), found 0"});
  expect_error<UsageError>([] { SparsityPenalty::parse("kl:1:3"); },
                           {"rho must be in (0, 1), found 1"});
  expect_error<UsageError>([] { SparsityPenalty::parse("kl:0.05:-2"); },
                           {"kl sparsity beta must be a finite number >= 0, found -2"});
  expect_error<UsageError>([] { SparsityPenalty::parse("kl:0.05"); }, {"expected kl:RHO:BETA"});
  expect_error<UsageError>([] { SparsityPenalty::parse("l1:x"); },
                           {"lambda must be a number, found 'x'"});
  expect_error<UsageError>([] { SparsityPenalty::parse("l2:0.1"); },
                           {"unknown sparsity 'l2:0.1'", "l1:LAMBDA", "kl:RHO:BETA"});
  expect_error<UsageError>([] { SparsityPenalty::l1(std::nan("")); }, {"lambda"});
  SparsityPenalty raw;
  raw.kind = Kind::kl;
  raw.weight = 1;
  raw.rho = -0.5;
  expect_error<UsageError>([&] { raw.validate(); }, {"found -0.5"});

  expect_error<UsageError>(
      [] { SparsityPenalty::kl(0.05, 3).check_code_activation(Activation::relu); },
      {"kl sparsity needs codes in (0, 1)", "relu", "sigmoid"});
  EXPECT_NO_THROW(SparsityPenalty::kl(0.05, 3).check_code_activation(Activation::sigmoid));
  EXPECT_NO_THROW(SparsityPenalty::l1(0.1).check_code_activation(Activation::relu));
}

TEST(CodeStatistics, CountsOnAHandCase) {
  Matrix h(2, 3);
  h << 0, 0.05, 0.5,  //
      0.95, 1, 0;
  const CodeStatistics s = code_statistics(h);
  EXPECT_EQ(s.entries, 6);
  EXPECT_NEAR(s.mean_activation(), 2.5 / 6, 1e-15);
  EXPECT_NEAR(s.zero_fraction(), 2.0 / 6, 1e-15);
  EXPECT_NEAR(s.below_fraction(), 3.0 / 6, 1e-15);  // 0, 0.05, 0
  EXPECT_NEAR(s.above_fraction(), 2.0 / 6, 1e-15);  // 0.95, 1

  // Accumulating two batches equals one batch of both.
  CodeStatistics two;
  two.add(h.topRows(1));
  two.add(h.bottomRows(1));
  EXPECT_EQ(two.entries, s.entries);
  EXPECT_EQ(two.zeros, s.zeros);
  EXPECT_EQ(two.below, s.below);
  EXPECT_EQ(two.above, s.above);
  EXPECT_NEAR(two.sum, s.sum, 1e-15);

  const CodeStatistics empty;
  EXPECT_EQ(empty.mean_activation(), 0);
  EXPECT_EQ(empty.zero_fraction(), 0);
}

}  // namespace
}  // namespace aekit::models
