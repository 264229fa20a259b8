// A pre-trained stack unrolls into the function it was pre-trained as (models/deep/unroll.hpp):
// the deep autoencoder of a stack of RBMs computes the mean-field up-down pass of the stack,
// and that of a one-layer autoencoder the autoencoder itself; stacks that do not chain are
// refused.
#include "aekit/models/deep/unroll.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/random_data.hpp"

namespace aekit::models {
namespace {

Rbm random_rbm(Index visible, Index hidden, RbmUnits hidden_units, std::uint64_t seed) {
  Rbm rbm({visible, hidden, RbmUnits::bernoulli, hidden_units});
  Rng rng(seed);
  for (Scalar& p : rbm.parameters()) p = Scalar(0.3 * rng.normal());
  return rbm;
}

TEST(Unroll, AStackOfRbmsBecomesItsMeanFieldUpDownPass) {
  const std::vector<Rbm> stack = {random_rbm(12, 8, RbmUnits::bernoulli, 1),
                                  random_rbm(8, 6, RbmUnits::bernoulli, 2),
                                  random_rbm(6, 3, RbmUnits::gaussian, 3)};
  std::vector<StackLayer> layers;
  for (const auto& rbm : stack) layers.push_back(stack_layer(rbm));
  const auto deep = unroll(layers);
  EXPECT_EQ(deep->config().dims, (std::vector<Index>{12, 8, 6, 3}));
  EXPECT_EQ(deep->config().hidden, Activation::sigmoid);
  EXPECT_EQ(deep->config().code, Activation::identity);
  EXPECT_EQ(deep->config().output, Activation::sigmoid);

  const Matrix x = test::uniform_data(20, 12, 4).cast<Scalar>();
  Matrix h1(20, 8), h2(20, 6), code(20, 3), d2(20, 6), d1(20, 8), out(20, 12);
  stack[0].hidden_means(x, h1);
  stack[1].hidden_means(h1, h2);
  stack[2].hidden_means(h2, code);
  stack[2].visible_means(code, d2);
  stack[1].visible_means(d2, d1);
  stack[0].visible_means(d1, out);
  EXPECT_LT((deep->encode(x) - code).cwiseAbs().maxCoeff(), 1e-5);
  EXPECT_LT((deep->reconstruct(x) - out).cwiseAbs().maxCoeff(), 1e-5);
}

TEST(Unroll, AOneLayerAutoencoderUnrollsIntoItself) {
  AutoencoderConfig c;
  c.dims = {10, 4};
  c.hidden = c.code = Activation::sigmoid;
  Autoencoder autoencoder(c);
  Rng rng(5);
  autoencoder.initialize(rng);
  const StackLayer layer = stack_layer(autoencoder);
  const auto deep = unroll(std::span<const StackLayer>(&layer, 1));
  const Matrix x = test::uniform_data(7, 10, 6).cast<Scalar>();
  const Matrix expected = autoencoder.reconstruct(x);
  EXPECT_EQ(deep->state(), autoencoder.state());
  EXPECT_TRUE(deep->reconstruct(x).isApprox(expected));
  c.dims = {10, 6, 4};
  EXPECT_THROW(stack_layer(Autoencoder(c)), Error);
}

TEST(Unroll, RefusesLayersThatDoNotChainOrMixInnerActivations) {
  const std::vector<StackLayer> gap = {stack_layer(random_rbm(12, 8, RbmUnits::bernoulli, 1)),
                                       stack_layer(random_rbm(7, 3, RbmUnits::bernoulli, 2))};
  EXPECT_THROW(unroll(gap), UsageError);
  const std::vector<StackLayer> linear_inside = {stack_layer(random_rbm(12, 8, RbmUnits::gaussian, 1)),
                                                 stack_layer(random_rbm(8, 3, RbmUnits::bernoulli, 2))};
  EXPECT_THROW(unroll(linear_inside), UsageError);
  EXPECT_THROW(unroll({}), UsageError);
}

}  // namespace
}  // namespace aekit::models
