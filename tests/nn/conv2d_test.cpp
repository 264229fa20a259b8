// Conv2d (im2col + GEMM) against the direct convolution, and its config.
#include "aekit/nn/conv2d.hpp"

#include <gtest/gtest.h>

#include "aekit/nn/parameters.hpp"
#include "support/conv2d_reference.hpp"
#include "support/conv_cases.hpp"
#include "support/random_matrix.hpp"

namespace aekit::nn {
namespace {

class Conv2dMatchesDirect : public ::testing::TestWithParam<test::ConvCase> {};

TEST_P(Conv2dMatchesDirect, OnRandomBatches) {
  const auto& c = GetParam();
  Conv2d layer(c.input, c.out_channels, c.kernel);
  Parameters params;
  params.allocate_and_bind({{"conv", &layer}});
  Rng rng(5);
  for (auto& v : params.values()) v = Scalar(rng.uniform(-1, 1));
  const Matrix x = test::random_matrix(3, layer.in_features(), -1, 1, rng);
  const Matrix expected =
      test::conv2d_reference(x, {c.input, c.kernel}, layer.weight(), layer.bias());
  const Matrix y = layer.forward(x);
  ASSERT_EQ(y.cols(), expected.cols());
  EXPECT_LT((y - expected).cwiseAbs().maxCoeff(), 1e-5);
}

INSTANTIATE_TEST_SUITE_P(Shapes, Conv2dMatchesDirect, ::testing::ValuesIn(test::kConvCases),
                         test::ConvCaseName());

TEST(Conv2d, OutputShapeFollowsPyTorch) {
  // nn.Conv2d(1, 16, 3, stride=2, padding=1) on 28x28 gives 16x14x14.
  const Conv2d layer({1, 28, 28}, 16, {3, 2, 1, 1});
  EXPECT_EQ(layer.output_shape(), (Shape{16, 14, 14}));
  EXPECT_EQ(layer.out_features(), 16 * 14 * 14);
}

TEST(Conv2d, ConfigDescribesTheLayer) {
  const Conv2d layer({2, 9, 7}, 4, {3, 2, 1, 2}, Activation::relu);
  EXPECT_EQ(layer.config(), (nlohmann::json{{"kind", "conv2d"}, {"input", {2, 9, 7}},
                                            {"out_channels", 4}, {"kernel", 3}, {"stride", 2},
                                            {"padding", 1}, {"dilation", 2},
                                            {"activation", "relu"}}));
}

}  // namespace
}  // namespace aekit::nn
