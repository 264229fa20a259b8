// Finite-difference check of Dropout while training (double build): every evaluation replays
// the same noise stream, so the mask is fixed and L = sum(R ⊙ dropout(x)) is differentiable.
#include "aekit/nn/dropout.hpp"

#include <gtest/gtest.h>

#include "support/gradient_check.hpp"
#include "support/random_matrix.hpp"

namespace aekit::nn {
namespace {

TEST(DropoutGradients, MatchFiniteDifferencesWithAFixedMask) {
  Dropout dropout(7, 0.4);
  Rng rng(3);
  Matrix x = test::random_matrix(5, 7, -1, 1, rng);
  const Matrix r = test::random_matrix(5, 7, -1, 1, rng);
  const Rng noise(9);
  const auto objective = [&] {
    Rng replay = noise;
    dropout.set_training(&replay);
    return (dropout.forward(x).array() * r.array()).sum();
  };
  objective();
  const Matrix dx = dropout.backward(r);
  const auto check = test::check_gradient("dropout.input", {x.data(), std::size_t(x.size())},
                                          objective, {dx.data(), std::size_t(dx.size())});
  EXPECT_TRUE(check.ok) << check.report;
}

}  // namespace
}  // namespace aekit::nn
