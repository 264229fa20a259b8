// Dropout: identity at inference; while training, a share p of the entries is zeroed and the
// rest scaled by 1/(1-p) (the mean is kept), backward applies the same mask, and the same
// noise stream gives the same mask.
#include "aekit/nn/dropout.hpp"

#include <gtest/gtest.h>

#include "support/random_data.hpp"

namespace aekit::nn {
namespace {

TEST(Dropout, IsTheIdentityAtInference) {
  Dropout dropout(50, 0.5);
  const Matrix x = test::uniform_data(4, 50, 1);
  EXPECT_EQ(Matrix(dropout.forward(x)), x);
  EXPECT_EQ(Matrix(dropout.backward(x)), x);
  EXPECT_EQ(dropout.config().at("p"), 0.5);
}

TEST(Dropout, TrainingDropsAShareOfPAndKeepsTheMean) {
  Dropout dropout(1000, 0.3);
  Rng noise(5);
  dropout.set_training(&noise);
  const Matrix x = Matrix::Ones(20, 1000);
  const Matrix y = dropout.forward(x);
  const double zeros = double((y.array() == 0).count()) / double(y.size());
  EXPECT_NEAR(zeros, 0.3, 0.01);  // 20 000 draws: standard error 0.003
  EXPECT_NEAR(y.mean(), 1.0, 0.02);
  EXPECT_TRUE(((y.array() == 0) || (y.array() - Scalar(1 / 0.7)).abs() < 1e-5).all());
  const Matrix dx = dropout.backward(Matrix::Constant(20, 1000, 2));
  EXPECT_EQ(Matrix((dx.array() == 0).cast<Scalar>()), Matrix((y.array() == 0).cast<Scalar>()))
      << "backward drops exactly what forward dropped";
  Rng replay(5);
  dropout.set_training(&replay);
  EXPECT_EQ(Matrix(dropout.forward(x)), y);
}

}  // namespace
}  // namespace aekit::nn
