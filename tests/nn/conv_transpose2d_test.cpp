// ConvTranspose2d: the adjoint of Conv2d (forward = a Conv2d's dx with the same weights),
// PyTorch's output size, and its config.
#include "aekit/nn/conv_transpose2d.hpp"

#include <gtest/gtest.h>

#include "aekit/nn/conv2d.hpp"
#include "aekit/nn/parameters.hpp"
#include "support/conv_cases.hpp"
#include "support/random_matrix.hpp"

namespace aekit::nn {
namespace {

class ConvTranspose2dIsAdjoint : public ::testing::TestWithParam<test::ConvCase> {};

TEST_P(ConvTranspose2dIsAdjoint, ForwardEqualsConv2dInputGradient) {
  const auto& c = GetParam();
  Conv2d conv(c.input, c.out_channels, c.kernel);
  ConvTranspose2d transpose(test::conv_output(c), c.input.c, c.kernel, test::output_padding(c));
  ASSERT_EQ(transpose.output_shape(), c.input);
  Parameters params;
  params.allocate_and_bind({{"conv", &conv}, {"transpose", &transpose}});
  Rng rng(3);
  for (auto& v : params.values()) v = Scalar(rng.uniform(-1, 1));
  transpose.weight() = conv.weight();  // both [O, C*k*k]
  conv.bias().setZero();
  transpose.bias().setZero();

  const Matrix x = test::random_matrix(3, conv.in_features(), -1, 1, rng);
  const Matrix dz = test::random_matrix(3, conv.out_features(), -1, 1, rng);
  conv.forward(x);
  const Matrix dx = conv.backward(dz);
  const Matrix y = transpose.forward(dz);
  ASSERT_EQ(y.cols(), dx.cols());
  EXPECT_LT((y - dx).cwiseAbs().maxCoeff(), 1e-5);
}

INSTANTIATE_TEST_SUITE_P(Shapes, ConvTranspose2dIsAdjoint, ::testing::ValuesIn(test::kConvCases),
                         test::ConvCaseName());

TEST(ConvTranspose2d, OutputShapeFollowsPyTorch) {
  // nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1) on 14x14 gives 28x28.
  const ConvTranspose2d layer({16, 14, 14}, 1, {3, 2, 1, 1}, 1);
  EXPECT_EQ(layer.output_shape(), (Shape{1, 28, 28}));
}

TEST(ConvTranspose2d, ConfigDescribesTheLayer) {
  const ConvTranspose2d layer({4, 5, 6}, 2, {3, 2, 1, 1}, 1, Activation::sigmoid);
  EXPECT_EQ(layer.config(),
            (nlohmann::json{{"kind", "conv_transpose2d"}, {"input", {4, 5, 6}},
                            {"out_channels", 2}, {"kernel", 3}, {"stride", 2}, {"padding", 1},
                            {"dilation", 1}, {"output_padding", 1},
                            {"activation", "sigmoid"}}));
}

}  // namespace
}  // namespace aekit::nn
