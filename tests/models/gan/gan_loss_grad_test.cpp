// The GAN value function on D's logits (models/gan/gan_loss.hpp): values against the
// probabilities' form of lecture 000, -1/N sum log D(x) - 1/M sum log(1 - D(G(z))), and the
// minimax and non-saturating generator losses, with their gradients by finite differences;
// and the saturation the lecture warns about.
#include "aekit/models/gan/gan_loss.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/expect_error.hpp"
#include "support/gradient_check.hpp"

namespace aekit::models {
namespace {

double sigmoid(double s) { return 1 / (1 + std::exp(-s)); }

Matrix logits(Index n, std::uint64_t seed) {
  Rng rng(seed);
  Matrix s(n, 1);
  for (Index i = 0; i < n; ++i) s(i, 0) = rng.uniform(-4, 4);
  return s;
}

std::span<double> span_of(Matrix& m) { return {m.data(), std::size_t(m.size())}; }

TEST(GanLoss, ValuesAreTheLecturesInProbabilities) {
  Matrix real = logits(5, 1), fake = logits(3, 2);
  double lecture_d = 0, minimax = 0, non_saturating = 0;
  for (Index i = 0; i < 5; ++i) lecture_d -= std::log(sigmoid(real(i, 0))) / 5;
  for (Index i = 0; i < 3; ++i) {
    lecture_d -= std::log(1 - sigmoid(fake(i, 0))) / 3;
    minimax += std::log(1 - sigmoid(fake(i, 0))) / 3;
    non_saturating -= std::log(sigmoid(fake(i, 0))) / 3;
  }
  EXPECT_NEAR(discriminator_loss(real, fake), lecture_d, 1e-12);
  EXPECT_NEAR(generator_loss(GeneratorLoss::minimax, fake), minimax, 1e-12);
  EXPECT_NEAR(generator_loss(GeneratorLoss::non_saturating, fake), non_saturating, 1e-12);
  // Stable far out, where the probabilities' form over- or underflows.
  Matrix far(2, 1);
  far << 800, -800;
  EXPECT_NEAR(discriminator_loss(far, far), (0 + 800 + 800 + 0) / 2.0, 1e-9);
}

TEST(GanLoss, GradientsMatchFiniteDifferences) {
  Matrix real = logits(5, 3), fake = logits(4, 4), d_real(5, 1), d_fake(4, 1);
  discriminator_real_gradient(real, d_real);
  discriminator_fake_gradient(fake, d_fake);
  const auto d = [&] { return discriminator_loss(real, fake); };
  auto r = test::check_gradient("d_real", span_of(real), d, span_of(d_real));
  EXPECT_TRUE(r.ok) << r.report;
  r = test::check_gradient("d_fake", span_of(fake), d, span_of(d_fake));
  EXPECT_TRUE(r.ok) << r.report;
  for (const auto loss : {GeneratorLoss::minimax, GeneratorLoss::non_saturating}) {
    generator_loss_gradient(loss, fake, d_fake);
    r = test::check_gradient(generator_loss_name(loss), span_of(fake), [&] { return generator_loss(loss, fake); },
                             span_of(d_fake));
    EXPECT_TRUE(r.ok) << r.report;
  }
}

// Early in training D rejects the fakes (s << 0): the minimax gradient vanishes, the
// non-saturating one does not (lecture 001's "G does not learn early").
TEST(GanLoss, TheMinimaxLossSaturatesWhereTheNonSaturatingOneDoesNot) {
  Matrix rejected(1, 1), d(1, 1);
  rejected << -10;
  generator_loss_gradient(GeneratorLoss::minimax, rejected, d);
  EXPECT_LT(std::abs(d(0, 0)), 1e-4);
  generator_loss_gradient(GeneratorLoss::non_saturating, rejected, d);
  EXPECT_NEAR(d(0, 0), -1, 1e-4);
}

TEST(GanLoss, UnknownLossNamesAreRefused) {
  EXPECT_EQ(parse_generator_loss("minimax"), GeneratorLoss::minimax);
  test::expect_error<UsageError>([] { parse_generator_loss("wasserstein"); },
                                 {"generator_loss", "minimax or non_saturating", "'wasserstein'"});
}

}  // namespace
}  // namespace aekit::models
