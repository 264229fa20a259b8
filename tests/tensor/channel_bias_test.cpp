// Per-channel bias of image rows: added to every pixel of its channel, and summed back
// (accumulating) over rows and pixels for the bias gradient; fused with an activation on
// either side (a convolution's output and the start of its backward).
#include "aekit/tensor/channel_bias.hpp"

#include <gtest/gtest.h>

namespace aekit {
namespace {

TEST(ChannelBias, AddsEachChannelsBiasToItsPixels) {
  Matrix y = Matrix::Zero(2, 6);  // 2 rows, 3 channels of 2 pixels
  Matrix bias(1, 3);
  bias << 1, 2, 3;
  add_channel_bias(y, bias);
  Matrix expected(2, 6);
  expected << 1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3;
  EXPECT_EQ(y, expected);
}

TEST(ChannelBias, SumsAccumulateOverRowsAndPixels) {
  Matrix x(2, 4);  // 2 channels of 2 pixels
  x << 1, 2, 3, 4, 5, 6, 7, 8;
  Matrix sums(1, 2);
  sums << 100, 200;
  add_channel_sums(x, sums);
  EXPECT_FLOAT_EQ(sums(0, 0), 100 + 1 + 2 + 5 + 6);
  EXPECT_FLOAT_EQ(sums(0, 1), 200 + 3 + 4 + 7 + 8);
}

TEST(ChannelBias, FusedWithTheActivationAndItsGradient) {
  Matrix y(1, 4);  // 2 channels of 2 pixels
  y << -3, 1, -1, 2;
  Matrix bias(1, 2);
  bias << 1, -2;
  add_channel_bias_and_activate(Activation::relu, y, bias);
  EXPECT_EQ(y, (Matrix(1, 4) << 0, 2, 0, 0).finished());
  Matrix dy(1, 4), dz(1, 4), bias_grad(1, 2);
  dy << 5, 6, 7, 8;
  bias_grad << 10, 20;
  channel_bias_and_activation_gradient(Activation::relu, y, dy, dz, bias_grad);
  EXPECT_EQ(dz, (Matrix(1, 4) << 0, 6, 0, 0).finished());
  EXPECT_EQ(bias_grad, (Matrix(1, 2) << 16, 20).finished());
}

}  // namespace
}  // namespace aekit
