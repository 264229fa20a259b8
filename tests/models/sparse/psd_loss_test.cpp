// The loss of predictive sparse decomposition (models/psd_loss.hpp), by value: psd_predict is
// tanh(X W^T + b) by hand, the loss of two rows is the mean of a hand computation with all
// three terms, lambda adds the mean L1 norm of the codes, and each gradient vanishes where its
// term does (codes equal to the prediction, or a perfect reconstruction).
#include "aekit/models/sparse/psd_loss.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

// Two rows of two features, two atoms.
struct Example {
  Matrix x{{1, 2}, {-1, 0.5}};
  Matrix codes{{0.5, -1}, {0, 2}};
  PsdParameters p{Matrix{{1, 0}, {0.5, 0.5}}, Matrix{{0.5, 0.25}, {-1, 0}}, RowVector{{0.1, -0.2}}};
};

TEST(PsdLoss, PredictIsTanhOfTheAffineEncoder) {
  const Example e;
  const Matrix f = psd_predict(e.x, e.p);
  ASSERT_EQ(f.rows(), 2);
  ASSERT_EQ(f.cols(), 2);
  EXPECT_NEAR(f(0, 0), std::tanh(0.5 + 0.5 + 0.1), 1e-6);  // x0 . w0 + b0
  EXPECT_NEAR(f(0, 1), std::tanh(-1.0 - 0.2), 1e-6);       // x0 . w1 + b1
  EXPECT_NEAR(f(1, 0), std::tanh(-0.5 + 0.125 + 0.1), 1e-6);
  EXPECT_NEAR(f(1, 1), std::tanh(1.0 - 0.2), 1e-6);
}

TEST(PsdLoss, IsTheMeanOverRowsOfAHandComputation) {
  const Example e;
  const double lambda = 0.4, gamma = 2.5;
  // Row 0: h D = 0.5 (1, 0) - (0.5, 0.5) = (0, -0.5), r = (1, 2.5); ||h||_1 = 1.5.
  const double e00 = std::tanh(1.1) - 0.5, e01 = std::tanh(-1.2) + 1;
  const double row0 = 0.5 * (1 + 6.25) + lambda * 1.5 + 0.5 * gamma * (e00 * e00 + e01 * e01);
  // Row 1: h D = 2 (0.5, 0.5) = (1, 1), r = (-2, -0.5); ||h||_1 = 2.
  const double e10 = std::tanh(-0.275), e11 = std::tanh(0.8) - 2;
  const double row1 = 0.5 * (4 + 0.25) + lambda * 2 + 0.5 * gamma * (e10 * e10 + e11 * e11);
  EXPECT_NEAR(psd_loss(e.x, e.codes, e.p, lambda, gamma), (row0 + row1) / 2, 1e-5);
}

TEST(PsdLoss, LambdaAddsTheMeanL1NormOfTheCodes) {
  const Example e;
  const double without = psd_loss(e.x, e.codes, e.p, 0.0, 1.0);
  EXPECT_NEAR(psd_loss(e.x, e.codes, e.p, 3.0, 1.0) - without, 3.0 * (1.5 + 2) / 2, 1e-5);
}

TEST(PsdLoss, EncoderGradientsVanishWhenTheCodesAreThePrediction) {
  const Example e;
  const Matrix codes = psd_predict(e.x, e.p);
  PsdParameters gradients;
  const double loss = psd_loss(e.x, codes, e.p, 0.0, 10.0, &gradients);
  const double reconstruction = 0.5 * (e.x - codes * e.p.dictionary).squaredNorm() / 2;
  EXPECT_NEAR(loss, reconstruction, 1e-6) << "the prediction term is 0";
  EXPECT_LT(gradients.weight.cwiseAbs().maxCoeff(), 1e-7);
  EXPECT_LT(gradients.bias.cwiseAbs().maxCoeff(), 1e-7);
  EXPECT_GT(gradients.dictionary.cwiseAbs().maxCoeff(), 1e-3);
}

TEST(PsdLoss, DictionaryGradientVanishesAtAPerfectReconstruction) {
  Rng rng(6);
  PsdParameters p{test::random_matrix(3, 4, -1, 1, rng), test::random_matrix(3, 4, -1, 1, rng),
                  test::random_matrix(1, 3, -1, 1, rng)};
  const Matrix codes = test::random_matrix(5, 3, -1, 1, rng);
  const Matrix x = codes * p.dictionary;
  PsdParameters gradients;
  psd_loss(x, codes, p, 0.1, 1.0, &gradients);
  EXPECT_LT(gradients.dictionary.cwiseAbs().maxCoeff(), 1e-6);
  EXPECT_GT(gradients.weight.cwiseAbs().maxCoeff(), 1e-3) << "codes differ from the prediction";
}

}  // namespace
}  // namespace aekit::models
