// InfoGAN's mutual-information term (models/gan/info_loss.hpp): its value against the
// categorical cross-entropy and Gaussian terms written out, its gradient by finite
// differences, and the codes it is drawn with.
#include "aekit/models/gan/info_loss.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/tensor/random_blocks.hpp"
#include "support/gradient_check.hpp"

namespace aekit::models {
namespace {

constexpr InfoCodes kCodes{3, 4, 2};  // Z, K, M

TEST(InfoLoss, IsCrossEntropyOfTheCategoryPlusHalfTheSquaredErrorOfTheContinuousCodes) {
  Rng rng(1);
  Matrix c(5, kCodes.width()), q(5, 6);
  draw_codes(kCodes, rng, c);
  for (Index i = 0; i < q.size(); ++i) q.data()[i] = rng.uniform(-2, 2);
  double expected = 0;
  for (Index n = 0; n < 5; ++n) {
    Index k = 0;
    c.row(n).segment(3, 4).maxCoeff(&k);
    double normalizer = 0;
    for (Index j = 0; j < 4; ++j) normalizer += std::exp(q(n, j));
    expected += -(q(n, k) - std::log(normalizer)) / 5;
    for (Index j = 0; j < 2; ++j) expected += 0.5 * std::pow(q(n, 4 + j) - c(n, 7 + j), 2) / 5;
  }
  EXPECT_NEAR(info_loss(kCodes, c, q), expected, 1e-12);
}

TEST(InfoLoss, GradientMatchesFiniteDifferences) {
  for (const InfoCodes codes : {kCodes, InfoCodes{2, 5, 0}, InfoCodes{2, 0, 3}}) {
    Rng rng(2);
    Matrix c(4, codes.width()), q(4, codes.categorical + codes.continuous), dq(q.rows(), q.cols());
    draw_codes(codes, rng, c);
    for (Index i = 0; i < q.size(); ++i) q.data()[i] = rng.uniform(-3, 3);
    info_loss_gradient(codes, c, q, dq);
    const auto r = test::check_gradient("q", {q.data(), std::size_t(q.size())}, [&] { return info_loss(codes, c, q); },
                                        {dq.data(), std::size_t(dq.size())});
    EXPECT_TRUE(r.ok) << r.report;
  }
}

TEST(InfoLoss, CodesAreNoiseAOneHotAndUniformValues) {
  Rng rng(3);
  Matrix c(2000, kCodes.width());
  draw_codes(kCodes, rng, c);
  const auto one_hot = c.middleCols(3, 4);
  EXPECT_TRUE(((one_hot.array() == 0) || (one_hot.array() == 1)).all());
  EXPECT_TRUE((one_hot.rowwise().sum().array() == 1).all());
  for (Index k = 0; k < 4; ++k) EXPECT_NEAR(one_hot.col(k).mean(), 0.25, 0.04) << "category " << k;
  const auto u = c.rightCols(2);
  EXPECT_GE(u.minCoeff(), -1);
  EXPECT_LE(u.maxCoeff(), 1);
  EXPECT_NEAR(u.mean(), 0, 0.05);
  EXPECT_NEAR(c.leftCols(3).array().square().mean(), 1, 0.1) << "z ~ N(0, I)";
  // Without codes, c is the noise as fill_normal draws it (GANs before InfoGAN train the same).
  Matrix plain(3, 4), same(3, 4);
  Rng a(9), b(9);
  draw_codes(InfoCodes{4, 0, 0}, a, plain);
  fill_normal(b, same);
  EXPECT_EQ(plain, same);
}

}  // namespace
}  // namespace aekit::models
