// Finite-difference checks of every layer and every activation (double precision build).
#include <gtest/gtest.h>

#include "aekit/nn/activation_layer.hpp"
#include "aekit/nn/dense.hpp"
#include "aekit/nn/sequential.hpp"
#include "aekit/nn/tied_dense.hpp"
#include "support/gradient_check.hpp"

namespace aekit::nn {
namespace {

const Activation kAll[] = {Activation::identity, Activation::sigmoid, Activation::tanh,
                           Activation::relu, Activation::leaky_relu, Activation::softplus};

class EveryActivation : public ::testing::TestWithParam<Activation> {};

TEST_P(EveryActivation, DenseGradients) {
  Dense layer(7, 5, GetParam());
  const auto check = test::check_layer(layer, 4, 11);
  EXPECT_TRUE(check.ok) << check.report;
}

TEST_P(EveryActivation, ActivationLayerGradients) {
  ActivationLayer layer(9, GetParam());
  const auto check = test::check_layer(layer, 3, 12, -3, 3);
  EXPECT_TRUE(check.ok) << check.report;
}

TEST_P(EveryActivation, TiedPairGradients) {
  // encoder Dense + decoder using its W^T: the weight gradient is the sum of both uses.
  Sequential net;
  auto& encoder = static_cast<Dense&>(net.add(std::make_unique<Dense>(6, 3, GetParam())));
  net.add(std::make_unique<TiedDense>(encoder, GetParam()));
  const auto check = test::check_layer(net, 5, 13);
  EXPECT_TRUE(check.ok) << check.report;
}

INSTANTIATE_TEST_SUITE_P(All, EveryActivation, ::testing::ValuesIn(kAll),
                         [](const auto& info) { return activation_name(info.param); });

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
