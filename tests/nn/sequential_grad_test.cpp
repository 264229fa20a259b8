// Finite-difference check of a chain of layers, and of the checker itself (double build).
#include "aekit/nn/sequential.hpp"

#include <gtest/gtest.h>

#include "aekit/nn/activation_layer.hpp"
#include "aekit/nn/dense.hpp"
#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

TEST(SequentialGradients, DeepChain) {
  Sequential net;
  net.add(std::make_unique<Dense>(8, 6, Activation::tanh));
  net.add(std::make_unique<Dense>(6, 4, Activation::sigmoid));
  net.add(std::make_unique<ActivationLayer>(4, Activation::softplus));
  net.add(std::make_unique<Dense>(4, 8, Activation::identity));
  const auto check = test::check_layer(net, 6, 14);
  EXPECT_TRUE(check.ok) << check.report;
}

TEST(GradientChecker, CatchesAWrongGradient) {
  // The checker itself must be able to fail: d/dx x^2 is 2x, not 3x.
  std::vector<double> p{0.7, -1.3};
  const auto f = [&] { return p[0] * p[0] + p[1] * p[1]; };
  std::vector<double> wrong{3 * p[0], 3 * p[1]};
  EXPECT_FALSE(test::check_gradient("square", p, f, wrong).ok);
  std::vector<double> right{2 * p[0], 2 * p[1]};
  EXPECT_TRUE(test::check_gradient("square", p, f, right).ok);
}

}  // namespace
}  // namespace aekit::nn
